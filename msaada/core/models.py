"""An import batch: one run of the import that wrote records, and the base of the history rows it wrote."""

from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record


class ImportBatch(models.Model):
    """One import that wrote: who ran it, when, for which mission, and what it did with each file."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    mission = models.CharField(_("mission code"), max_length=30)
    reason = models.TextField(_("reason"), blank=True)
    # One {"label", "created", "updated", "unchanged"} per file, in the order the files were imported.
    outcomes = models.JSONField(_("outcomes"), default=list)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"import {self.pk}"

    @property
    def file_names(self) -> str:
        """Return the files of the batch as a person reads them: `sources.csv, missions.csv`."""
        return ", ".join(outcome["label"] for outcome in self.outcomes)


class ImportedHistory(models.Model):
    """The base of every history row: the import batch that wrote it, if an import did."""

    import_batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("import batch"),
    )

    class Meta:
        abstract = True


@receiver(pre_create_historical_record)
def _keep_import_batch(
    sender: type[models.Model], instance: models.Model, history_instance: models.Model, **kwargs: object
) -> None:
    """Link a record saved one at a time by an import (`record._import_batch`) to its batch."""
    batch = getattr(instance, "_import_batch", None)
    if batch is not None and isinstance(history_instance, ImportedHistory):
        history_instance.import_batch = batch
