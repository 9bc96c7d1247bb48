"""What every record of a mission shares: a reference, an import identity, sources, history, archiving."""

from decimal import Decimal

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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


class FactQuerySet(models.QuerySet):
    """Records of a mission; archived ones are kept but left out of every computation."""

    def current(self) -> "FactQuerySet":
        return self.filter(archived_at__isnull=True)


class Fact(models.Model):
    """A record that may cite sources, keeps its history and is archived, never deleted."""

    ref = models.CharField(_("reference"), max_length=100, blank=True)
    identity = models.CharField(_("import identity"), max_length=40, editable=False, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    citations = GenericRelation("sources.Citation")

    history = HistoricalRecords(inherit=True, excluded_fields=["identity"])
    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True

    def archive(self) -> None:
        """Mark the record archived; it stays in the database and in its history."""
        self.archived_at = timezone.now()
        self.save(update_fields=["archived_at"])

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Records are archived, not deleted."))
