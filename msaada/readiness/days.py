"""Date arithmetic that never leaves the calendar: a shifted day, and the days around a date column in SQL."""

from datetime import date, timedelta

from django.db.models import Case, DateField, ExpressionWrapper, Value, When
from django.db.models.expressions import Combinable
from django.db.models.lookups import GreaterThan, LessThan


def shift(day: date, days: int) -> date:
    """Return the day `days` later, held within the calendar's range for absurdly long runways."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def day_after(day: Combinable) -> Case:
    """Return the next day, or NULL after 9999-12-31: no record covers a day past the calendar's end."""
    return Case(
        When(LessThan(day, Value(date.max)), then=ExpressionWrapper(day + timedelta(days=1), output_field=DateField())),
        default=None,
        output_field=DateField(),
    )


def day_before(day: Combinable) -> Case:
    """Return the previous day, or NULL before 0001-01-01: no record covers a day before the calendar's start."""
    return Case(
        When(
            GreaterThan(day, Value(date.min)), then=ExpressionWrapper(day - timedelta(days=1), output_field=DateField())
        ),
        default=None,
        output_field=DateField(),
    )
