"""The fields records are made of: exact amounts, counts, currencies, coordinates."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from msaada.core.codes import validate_currency


class ScaledDecimalField(models.BigIntegerField):
    """An exact decimal stored as a scaled integer, so sums stay exact on SQLite too.

    SQLite keeps DECIMAL columns as binary floats, so `SUM(amount)` there would drift;
    an integer count of 10**-places units sums exactly on every database.
    """

    def __init__(self, *args, places: int = 4, **kwargs):
        self.places = places
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["places"] = self.places
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return None if value is None else Decimal(int(value)).scaleb(-self.places)

    def to_python(self, value):
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except ArithmeticError:
            raise ValidationError(_("Enter a number."), code="invalid") from None

    def get_prep_value(self, value):
        return None if value is None else int(Decimal(value).scaleb(self.places))

    def get_db_prep_value(self, value, connection, prepared=False):
        return value if prepared else self.get_prep_value(value)

    def check_scale(self, value: Decimal) -> None:
        """Reject a value with more decimal places than the field keeps, or too large to store."""
        scaled = Decimal(value).scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValidationError(
                _("at most %(places)d decimal places"), code="max_decimal_places", params={"places": self.places}
            )
        if abs(scaled) >= 2**63:
            raise ValidationError(_("too large"), code="max_value")

    @property
    def validators(self):
        # The integer range checks of BigIntegerField would compare the unscaled value.
        return [self.check_scale, *self._validators]

    def formfield(self, **kwargs):
        return forms.DecimalField(**{"decimal_places": self.places, "required": not self.blank, **kwargs})


def count_field(verbose_name: str) -> models.PositiveIntegerField:
    """Return a count of people or things: a whole number, never negative."""
    return models.PositiveIntegerField(
        verbose_name, validators=[MinValueValidator(0, message=_("must not be negative"))]
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
