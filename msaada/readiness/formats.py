"""How the brief writes its figures: money to the cent, readable dates, counts with separators."""

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from django.utils import translation

from msaada.readiness.money import cents


def money_value(amount: Decimal) -> str:
    """Return the amount rounded half-even to the cent, as JSON carries it: `113000000.00`."""
    return str(cents(amount))


def money_text(amount: Decimal, currency: str) -> str:
    """Return the amount with its currency and thousands separators: `USD 113,000,000.00`."""
    return f"{currency} {cents(amount):,.2f}"


def count_text(count: int) -> str:
    """Return a count with thousands separators: `2,500`."""
    return f"{count:,}"


def day_text(day: date) -> str:
    """Return a date as people read it in the active language: `2 Oct 2025`."""
    return format_date(day, "d MMM y", locale=translation.to_locale(translation.get_language() or "en"))


def iso(day: date | None) -> str | None:
    """Return the ISO date, or None."""
    return None if day is None else day.isoformat()
