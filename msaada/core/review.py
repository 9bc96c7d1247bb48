"""Reported, then confirmed: what a contributor liaison or a donor records waits for an officer of the mission.

A reviewed kind of record (pledges, deployments, flows) carries its review state. The write gate
(core/services.py) sets it from the writer's role, never from a field the writer types: a reporter's
write is reported; an officer's new record, an officer's import and every record from before the
review existed are confirmed. Only confirmed records count (`FactQuerySet.counted`). Each step is a
save, so the record's history keeps who reported, who confirmed or rejected, when, and the note.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    REPORTED = "reported", _("reported")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


# The fields the write gate and the review set; none is typed in a form or read from an import file.
REVIEW_FIELDS = ("review_state", "reported_by", "reviewed_by", "reviewed_at", "review_note")


class Reviewed(models.Model):
    """A record that a reporter's write leaves waiting until an officer confirms or rejects it."""

    reviewed = True  # read by FactQuerySet.counted, which cannot import this model's subclasses

    review_state = models.CharField(
        _("review"), max_length=10, choices=ReviewState.choices, default=ReviewState.CONFIRMED, editable=False
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    review_note = models.TextField(_("review note"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def waiting(self) -> bool:
        """Whether the record waits for an officer's review."""
        return self.review_state == ReviewState.REPORTED
