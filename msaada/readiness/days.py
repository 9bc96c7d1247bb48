"""The day before and the day after a date column, in SQL, without leaving the calendar."""

from datetime import date, timedelta

from django.db.models import Case, DateField, ExpressionWrapper, Value, When
from django.db.models.expressions import Combinable
from django.db.models.lookups import GreaterThan, LessThan


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
