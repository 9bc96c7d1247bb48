"""How the brief writes its figures in the active language: money to the cent, dates, counts, tenths."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from django.conf import settings
from django.utils import translation

from msaada.core.codes import country_name
from msaada.readiness.money import cents


def money_value(amount: Fraction | Decimal) -> str:
    """Return the amount rounded half-even to the cent, as JSON carries it: `113000000.00`."""
    return str(cents(amount))


def active_locale() -> str:
    """Return the Babel locale of the active language: `fr`, `en_US`."""
    return translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE)


def money_text(amount: Fraction | Decimal, currency: str) -> str:
    """Return the amount with its currency and the language's separators: `USD 113,000,000.00`, `USD 113 000 000,00`."""
    return f"{currency} {format_decimal(cents(amount), format='#,##0.00', locale=active_locale())}"


def count_text(count: int) -> str:
    """Return a count with the language's grouping: `2,500`, `2 500` (a narrow no-break space in French)."""
    return format_decimal(count, locale=active_locale())


def tenths_text(value: Decimal) -> str:
    """Return a figure kept to one decimal, as the language writes it: `39.6`, `39,6`."""
    return format_decimal(value, format="#,##0.0", locale=active_locale())


def percent_text(value: Decimal) -> str:
    """Return a percentage given out of 100 with one decimal, as the language writes it: `39.6%`, `39,6 %`."""
    locale = active_locale()
    pattern = Locale.parse(locale).percent_formats[None].pattern.replace("#,##0", "#,##0.0", 1)
    return format_percent(value / 100, format=pattern, locale=locale)


def day_text(day: date) -> str:
    """Return a date as people read it in the active language: `2 Oct 2025`, `2 oct. 2025`."""
    return format_date(day, "d MMM y", locale=active_locale())


def country_text(code: str) -> str:
    """Name a country (ISO 3166 alpha-3) in the active language, falling back to its English name."""
    found = pycountry.countries.get(alpha_3=code)
    territories: Mapping[str, str]
    try:
        territories = Locale.parse(active_locale()).territories
    except UnknownLocaleError:
        territories = {}
    return territories.get(getattr(found, "alpha_2", ""), country_name(code))


def iso(day: date | None) -> str | None:
    """Return the ISO date, or None."""
    return None if day is None else day.isoformat()
