"""The fields records are made of: exact amounts, counts, currencies, coordinates, and the bounds every field keeps."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from msaada.core.codes import validate_currency

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9999, 12, 31)
"""The dates a record may hold: 9999-12-31 is what people type for "open-ended", so it is one."""

MAX_AMOUNT = Decimal(10**12)
"""The largest amount, rate or coordinate: SUM over 92,233 of them still fits the 64-bit integer it is stored in."""

MAX_COUNT = 10**9
"""The largest count of people or things: far above any mission, and any sum of counts stays exact."""


def validate_calendar_date(value: dt.date) -> None:
    """Refuse a date before 1900-01-01, where arithmetic on the day before would leave the calendar."""
    if value < FIRST_DAY:
        raise ValidationError(
            _("must be on or after %(first)s"), code="min_value", params={"first": FIRST_DAY.isoformat()}
        )


def validate_text(value: str) -> None:
    """Refuse text with a NUL character, which PostgreSQL cannot store and no one means to type."""
    if "\x00" in value:
        raise ValidationError(_("contains a NUL character"), code="null_characters_not_allowed")


def bound_of(field: models.Field) -> Callable[[Any], None] | None:
    """Return the check every record runs on a field of this kind: dates in the calendar, text without NUL."""
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return validate_calendar_date
    if isinstance(field, models.CharField | models.TextField):
        return validate_text
    return None


class ScaledDecimalField(models.BigIntegerField):
    """An exact decimal stored as a scaled integer, so sums stay exact on SQLite too.

    SQLite keeps DECIMAL columns as binary floats, so `SUM(amount)` there would drift;
    an integer count of 10**-places units sums exactly on every database.
    """

    def __init__(self, *args: Any, places: int = 4, **kwargs: Any) -> None:
        self.places = places
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Any, Any]:
        name, path, args, kwargs = super().deconstruct()
        kwargs["places"] = self.places
        return name, path, args, kwargs

    def from_db_value(self, value: int | None, expression: object, connection: object) -> Decimal | None:
        return None if value is None else Decimal(int(value)).scaleb(-self.places)

    def to_python(self, value: object) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except ArithmeticError:
            raise ValidationError(_("Enter a number."), code="invalid") from None

    def get_prep_value(self, value: Any) -> int | None:
        return None if value is None else int(Decimal(value).scaleb(self.places))

    def get_db_prep_value(self, value: Any, connection: object, prepared: bool = False) -> Any:
        return value if prepared else self.get_prep_value(value)

    def check_scale(self, value: Decimal) -> None:
        """Reject a value with more decimal places than the field keeps, or too large to store."""
        scaled = Decimal(value).scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValidationError(
                _("at most %(places)d decimal places"), code="max_decimal_places", params={"places": self.places}
            )
        limit = min(MAX_AMOUNT, Decimal(2**63 - 1).scaleb(-self.places))
        if abs(value) > limit:
            raise ValidationError(
                _("too large (at most %(limit)s)"), code="max_value", params={"limit": format(limit, "f")}
            )

    @property
    def validators(self) -> list[Callable[[Any], None]]:
        # The integer range checks of BigIntegerField would compare the unscaled value.
        return [self.check_scale, *self._validators]  # type: ignore[attr-defined]  # django-stubs omit Field._validators

    def formfield(self, **kwargs: Any) -> forms.Field:  # type: ignore[override]  # always a DecimalField: takes its options only
        return forms.DecimalField(**{"decimal_places": self.places, "required": not self.blank, **kwargs})


def count_field(verbose_name: str) -> models.PositiveIntegerField:
    """Return a count of people or things: a whole number, never negative."""
    return models.PositiveIntegerField(
        verbose_name,
        validators=[
            MinValueValidator(0, message=_("must not be negative")),
            MaxValueValidator(MAX_COUNT, message=_("too large (at most %(limit_value)s)")),
        ],
    )


def money_field(verbose_name: str) -> ScaledDecimalField:
    return ScaledDecimalField(
        verbose_name,
        places=4,
        help_text=_("In the currency next to it."),
        validators=[MinValueValidator(0, message=_("must not be negative"))],
    )


def currency_field() -> models.CharField:
    return models.CharField(_("currency"), max_length=3, validators=[validate_currency])


latitude_validators = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_validators = [MinValueValidator(-180), MaxValueValidator(180)]
