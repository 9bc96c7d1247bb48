"""How the dashboard writes numbers, money, dates, countries and codes in the active language (Babel)."""

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_currency
from django import template
from django.utils.translation import gettext_lazy as _

from msaada.missions.models import SiteKind, SiteStatusValue
from msaada.readiness.figures import Risk
from msaada.readiness.formats import active_locale, count_text, country_text, day_text, percent_text
from msaada.readiness.money import cents
from msaada.readiness.risk_messages import risk_evidence
from msaada.sources.models import SourceKind

register = template.Library()

NOTHING = "–"
SEVERITIES = {"high": _("high"), "medium": _("medium"), "low": _("low")}


@register.filter
def count(value: int | None) -> str:
    """Write a count with the language's grouping: `2,500`, `2 500` (narrow no-break space in French)."""
    return NOTHING if value is None else count_text(value)


@register.filter
def percent(value: Decimal | None) -> str:
    """Write a percentage given out of 100 with one decimal, as the language writes it: `39.6%`, `39,6 %`."""
    return NOTHING if value is None else percent_text(Decimal(value))


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    """Write an amount rounded half-even to the cent with its currency: `$700,000.00`, `700 000,00 $US`."""
    if amount is None:
        return NOTHING
    return format_currency(cents(amount), currency, locale=active_locale())


def compact_money(amount: float | Decimal) -> str:
    """Write a chart axis amount short: `113M`, `113 M`."""
    return format_compact_decimal(amount, format_type="short", locale=active_locale(), fraction_digits=1)


@register.filter
def day(value: date | None) -> str:
    """Write a date as the language reads it: `23 Sep 2025`, `23 sept. 2025`."""
    return NOTHING if value is None else day_text(value)


def month(value: date) -> str:
    """Write a month for a chart axis, its year below it: `Sep` over `2025`, `sept.` over `2025`."""
    return f"{format_date(value, 'LLL', locale=active_locale())}\n{value.year}"


@register.filter
def country(code: str) -> str:
    """Name a country (ISO 3166 alpha-3) in the active language."""
    return country_text(code)


@register.filter
def severity(value: str) -> str:
    """Name a risk's severity in the active language."""
    return str(SEVERITIES.get(value, value))


@register.filter
def site_status(value: str | None) -> str:
    """Name a site's status in the active language; a site with none yet is unknown."""
    return str(_("unknown")) if value is None else str(SiteStatusValue(value).label)


@register.filter
def site_kind(value: str) -> str:
    """Name a kind of site in the active language."""
    return str(SiteKind(value).label) if value in SiteKind.values else value


@register.filter
def source_kind(value: str) -> str:
    """Name a kind of source in the active language."""
    return str(SourceKind(value).label) if value in SourceKind.values else value


@register.filter
def evidence(risk: Risk, currency: str) -> tuple[tuple[str, str], ...]:
    """Name and write each figure of a risk's evidence in the active language, money in the brief's currency."""
    return risk_evidence(risk.code, risk.evidence, currency)
