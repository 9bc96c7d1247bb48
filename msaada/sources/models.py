"""Where a fact comes from: a source, the citations that tie facts to it, and the claims of other sources."""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.identity import RecordFile, file_of, render
from msaada.core.models import ImportedHistory
from msaada.core.records import Fact, in_mission


class SourceKind(models.TextChoices):
    NEWS = "news", _("news")
    REPORT = "report", _("report")
    RESOLUTION = "resolution", _("resolution")
    OFFICIAL_RECORD = "official_record", _("official record")
    ILLUSTRATIVE = "illustrative", _("illustrative")


class Source(Fact):
    """A document a fact rests on: an article, a report, a resolution, an official record.

    An `illustrative` source stands for a value no document gives, so that a brief says so.
    """

    natural_key_fields = ("key",)
    record_file = RecordFile("sources", ("key", "title", "publisher", "date", "url", "kind"))

    key = models.SlugField(_("key"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    @property
    def illustrative(self) -> bool:
        return self.kind == SourceKind.ILLUSTRATIVE


class Citation(models.Model):
    """A fact citing a source; a fact may cite several."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record"))
    object_id = models.PositiveBigIntegerField(_("record"))
    fact = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations_made", verbose_name=_("source")
    )

    history = HistoricalRecords(bases=[ImportedHistory])

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "source"], name="citation_unique"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_fact")]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ← {self.source.key}"


def claimable_model(file: str) -> type[Fact] | None:
    """Return the kind of a mission's record exchanged in the named file (`deployments`, `mandates`), if any."""
    for model in apps.get_models():
        record_file = getattr(model, "record_file", None)
        if record_file is not None and record_file.name == file and in_mission(model):
            return model
    return None


class Claim(Fact):
    """What another source reports for one field of a record: the other side of a disagreement.

    The record keeps the value the mission follows; the claim keeps the other value, the source that
    gives it (the claim's citations) and a note, so that the brief shows the alternative beside the figure.
    The claim names its record as its file does (the file, and the record's ref or natural key).
    """

    record_file = RecordFile("claims", ("file", "record", "field", "value", "note"))

    mission = models.ForeignKey("missions.Mission", on_delete=models.PROTECT, verbose_name=_("mission"))
    file = models.CharField(_("kind of record (file)"), max_length=40)
    record = models.CharField(_("record (ref or key)"), max_length=500)
    field = models.CharField(_("field"), max_length=60)
    value = models.CharField(_("value claimed"), max_length=500)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    # Found from `file` and `record` when the claim is checked (clean), so every way in attaches it alike.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, blank=True, editable=False, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record id"), blank=True, editable=False)
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["file", "record", "field"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="claim_record")]

    def __str__(self) -> str:
        return f"{self.file} {self.record}: {self.field} = {self.value}"

    def clean(self) -> None:
        """Find the record the claim names and check that the value is one its field may hold."""
        super().clean()
        model = claimable_model(self.file)
        if model is None:
            raise ValidationError({"file": _("No kind of a mission's record is exchanged in this file.")})
        found = self._record_of(model)
        if found is None:
            raise ValidationError({"record": _("No record of this file has this ref or key in the mission.")})
        columns = [name for name in file_of(model).columns if name != "ref"]
        if self.field not in columns:
            raise ValidationError(
                {"field": _("Not a column of the file: %(columns)s.") % {"columns": ", ".join(columns)}}
            )
        field = model._meta.get_field(self.field)
        if field.is_relation:
            raise ValidationError({"field": _("A claim gives another value, not another record to refer to.")})
        try:
            parsed = field.clean(self.value, found)
        except ValidationError as invalid:
            raise ValidationError({"value": invalid.messages}) from None
        self.value = render(parsed)
        self.content_type = ContentType.objects.get_for_model(model)
        self.object_id = found.pk

    def _record_of(self, model: type[Fact]) -> Fact | None:
        if self.mission_id is None:
            return None
        records = model.objects.current().filter(mission_id=self.mission_id)
        by_key = Q(ref=self.record)
        if model.natural_key_fields:
            by_key |= Q(**{model.natural_key_fields[0]: self.record})
        return records.filter(by_key).order_by("pk").first()
