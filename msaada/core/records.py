"""What every record of a mission shares: a reference, an import identity, sources, history, archiving."""

from collections.abc import Collection
from typing import Any, NoReturn

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.fields import bound_of
from msaada.core.identity import RecordFile, record_identity
from msaada.core.models import ImportedHistory
from msaada.core.review import ReviewState


class FactQuerySet(models.QuerySet):
    """Records of a mission; archived ones are kept but left out of every computation."""

    def current(self) -> "FactQuerySet":
        return self.filter(archived_at__isnull=True)

    def counted(self) -> "FactQuerySet":
        """Return what the brief counts: the current records, and of a reviewed kind only the confirmed ones."""
        current = self.current()
        if getattr(self.model, "reviewed", False):
            return current.filter(review_state=ReviewState.CONFIRMED)
        return current


class Fact(models.Model):
    """A record that may cite sources, keeps its history and is archived, never deleted.

    A kind of record exchanged in the import format declares its file (`record_file`) and, when
    it has one, its natural key (`natural_key_fields`); saving it then fills its `identity`.
    """

    natural_key_fields: tuple[str, ...] = ()
    record_file: RecordFile | None = None

    ref = models.CharField(_("reference"), max_length=100, blank=True)
    identity = models.CharField(_("import identity"), max_length=40, editable=False, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    citations = GenericRelation("sources.Citation")

    history = HistoricalRecords(inherit=True, excluded_fields=["identity"], bases=[ImportedHistory])
    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.record_file is not None:
            self.identity = record_identity(self)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        """Validate every field, and hold every date and text to the bounds of core.fields."""
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            check = bound_of(field)
            value = getattr(self, field.attname)
            if check is None or value in field.empty_values or field.name in errors or field.name in (exclude or ()):
                continue
            try:
                check(value)
            except ValidationError as invalid:
                errors[field.name] = invalid.error_list
        if errors:
            raise ValidationError(errors)

    def archive(self) -> None:
        """Mark the record archived; it stays in the database and in its history."""
        self.archived_at = timezone.now()
        self.save(update_fields=["archived_at"])

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValidationError(_("Records are archived, not deleted."))


def in_mission(model: type[models.Model]) -> bool:
    """Whether each record of the model belongs to one mission; shared ones (sources, rates...) do not."""
    return any(field.name == "mission" for field in model._meta.fields)
