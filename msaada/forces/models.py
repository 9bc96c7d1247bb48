"""The force: contributing countries, what they promise and whom they send."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.codes import country_name, validate_country
from msaada.core.constraints import unique_ref
from msaada.core.fields import count_field
from msaada.core.identity import RecordFile
from msaada.core.models import ImportedHistory
from msaada.core.review import Reviewed
from msaada.missions.models import MissionFact


class Contributor(models.Model):
    """A country that contributes personnel, by its ISO 3166 alpha-3 code."""

    natural_key_fields = ("code",)

    code = models.CharField(_("country code"), max_length=3, unique=True, validators=[validate_country])

    history = HistoricalRecords(bases=[ImportedHistory])

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{country_name(self.code)} ({self.code})"


class Category(models.TextChoices):
    POLICE = "police", _("police")
    MILITARY = "military", _("military")
    CIVILIAN = "civilian", _("civilian")


class PledgeStatus(models.TextChoices):
    PLEDGED = "pledged", _("pledged")
    CONFIRMED = "confirmed", _("confirmed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Pledge(MissionFact, Reviewed):
    """A promise by a contributing country to send personnel of one category.

    A later pledge of the same country and category replaces an earlier one.
    """

    record_file = RecordFile("pledges", ("contributor", "category", "count", "date", "status"))

    contributor = models.ForeignKey(Contributor, on_delete=models.PROTECT, verbose_name=_("contributor"))
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    count = count_field(_("personnel"))
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=PledgeStatus.choices)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [unique_ref("pledge")]
        ordering = ["mission", "date", "contributor"]
        indexes = [models.Index(fields=["mission", "contributor", "category", "date"], name="pledge_latest")]

    def __str__(self) -> str:
        return f"{self.contributor.code} {self.count} {self.category} ({self.status}, {self.date})"


class Change(models.TextChoices):
    ARRIVAL = "arrival", _("arrival")
    DEPARTURE = "departure", _("departure")


class Deployment(MissionFact, Reviewed):
    """Personnel of a contributing country arriving in or leaving the mission area on a date."""

    record_file = RecordFile("deployments", ("contributor", "unit", "category", "change", "count", "date"))

    contributor = models.ForeignKey(Contributor, on_delete=models.PROTECT, verbose_name=_("contributor"))
    unit = models.CharField(_("unit"), max_length=200)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    change = models.CharField(_("change"), max_length=10, choices=Change.choices)
    count = count_field(_("personnel"))
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")
        constraints = [unique_ref("deployment")]
        ordering = ["mission", "date", "contributor"]
        indexes = [models.Index(fields=["mission", "date", "contributor"], name="deployment_date")]

    def __str__(self) -> str:
        return f"{self.contributor.code} {self.change} of {self.count} ({self.unit}, {self.date})"
