"""Country and currency fields as choices of ISO codes with their names in the user's language (Babel)."""

from collections.abc import Callable
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.db import models

from msaada.core.codes import validate_country, validate_currency
from msaada.readiness.formats import active_locale, country_text


def code_kind(field: models.Field) -> str | None:
    """Return "country" or "currency" for a field holding ISO codes (by its validator), else None."""
    if validate_country in field.validators:
        return "country"
    if validate_currency in field.validators:
        return "currency"
    return None


@cache
def _country_choices(locale: str) -> tuple[tuple[str, str], ...]:
    # `locale` is the cache key: country_text names each country in the active language, which it is.
    codes = (country.alpha_3 for country in pycountry.countries)
    named = ((code, f"{country_text(code)} ({code})") for code in codes)
    return tuple(sorted(named, key=lambda choice: choice[1].casefold()))


@cache
def _currency_choices(locale: str) -> tuple[tuple[str, str], ...]:
    try:
        names = Locale.parse(locale).currencies
    except UnknownLocaleError:
        names = {}
    return tuple(
        (currency.alpha_3, f"{currency.alpha_3} · {names.get(currency.alpha_3, currency.name)}")
        for currency in sorted(pycountry.currencies, key=lambda currency: currency.alpha_3)
    )


def country_choices() -> tuple[tuple[str, str], ...]:
    """Every ISO 3166 alpha-3 country, named in the active language and sorted by name: `Haiti (HTI)`."""
    return _country_choices(active_locale())


def currency_choices() -> tuple[tuple[str, str], ...]:
    """Every ISO 4217 currency by code, named in the active language: `EUR · euro`."""
    return _currency_choices(active_locale())


def choices_for(field: models.Field) -> Callable[[], tuple[tuple[str, str], ...]] | None:
    """Return the callable choices of a code field (read when shown, so in the user's language), or None."""
    kind = code_kind(field)
    if kind is None:
        return None
    return country_choices if kind == "country" else currency_choices
