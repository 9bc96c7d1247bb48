"""Validators for the standard codes the records use: ISO 3166 alpha-3 countries, ISO 4217 currencies."""

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_country(code: str) -> None:
    """Reject a code that is not an ISO 3166-1 alpha-3 country code, such as KEN or HTI."""
    if not (isinstance(code, str) and len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code)):
        raise ValidationError(_("unknown country code (ISO 3166 alpha-3, e.g. KEN)"), code="country")


def validate_currency(code: str) -> None:
    """Reject a code that is not an ISO 4217 currency code, such as USD or HTG."""
    if not (isinstance(code, str) and len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code)):
        raise ValidationError(_("unknown currency code (ISO 4217, e.g. USD)"), code="currency")


def country_name(code: str) -> str:
    """Return the country's common name, or the code when pycountry does not know it."""
    country = pycountry.countries.get(alpha_3=code)
    common_name: str | None = getattr(country, "common_name", None)
    name: str = getattr(country, "name", code)
    return common_name or name
