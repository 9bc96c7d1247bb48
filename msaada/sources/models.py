"""Where a fact comes from: a source, and the citations that tie facts to it."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.identity import RecordFile
from msaada.core.models import ImportedHistory
from msaada.core.records import Fact


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
