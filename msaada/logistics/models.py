"""Life support: the service lines a mission needs, the contracts that cover them, the equipment it has."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.constraints import check_period, check_same_mission, non_negative, period_constraint, unique_ref
from msaada.core.fields import count_field, currency_field, money_field
from msaada.core.identity import RecordFile
from msaada.core.models import ImportedHistory
from msaada.finance.models import Organization
from msaada.missions.models import Mission, MissionFact


class ServiceLine(models.Model):
    """A kind of support the mission cannot live without: accommodation, medical, rations, fuel, air transport."""

    natural_key_fields = ("name",)

    mission = models.ForeignKey(Mission, on_delete=models.PROTECT, verbose_name=_("mission"))
    name = models.CharField(_("name"), max_length=200)

    history = HistoricalRecords(bases=[ImportedHistory])

    class Meta:
        verbose_name = _("service line")
        verbose_name_plural = _("service lines")
        ordering = ["mission", "name"]
        constraints = [models.UniqueConstraint(fields=["mission", "name"], name="service_line_unique")]

    def __str__(self) -> str:
        return self.name


class Contract(MissionFact):
    """Who provides a service line, paid by whom, from when to when, for how many people."""

    record_file = RecordFile(
        "contracts", ("service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity")
    )

    service_line = models.ForeignKey(
        ServiceLine, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("service line")
    )
    vendor = models.CharField(_("vendor"), max_length=200)
    funder = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("funder"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    value = money_field(_("value"))
    currency = currency_field()
    capacity = count_field(_("capacity (people)"))

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["mission", "service_line", "start"]
        constraints = [
            unique_ref("contract"),
            period_constraint("contract_end_after_start"),
            non_negative("value", "contract"),
        ]
        indexes = [models.Index(fields=["service_line", "start", "end"], name="contract_period")]

    def __str__(self) -> str:
        return f"{self.service_line}: {self.vendor} ({self.start} – {self.end})"

    def clean(self) -> None:
        check_period(self.start, self.end)
        check_same_mission(self, "service_line")


class Asset(MissionFact):
    """A count of equipment of one kind held by an owner on a date, and how many of them work."""

    record_file = RecordFile("assets", ("kind", "owner", "date", "total", "operational"))

    kind = models.CharField(_("kind"), max_length=200)
    owner = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    date = models.DateField(_("date"))
    total = count_field(_("total"))
    operational = count_field(_("operational"))

    class Meta:
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        ordering = ["mission", "kind", "date"]
        constraints = [
            unique_ref("asset"),
            models.CheckConstraint(
                condition=Q(operational__lte=F("total")),
                name="asset_operational_within_total",
                violation_error_message=_("More operational than in total."),
            ),
        ]
        indexes = [models.Index(fields=["mission", "kind", "date"], name="asset_date")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.operational}/{self.total} ({self.date})"

    def clean(self) -> None:
        if self.total is not None and self.operational is not None and self.operational > self.total:
            raise ValidationError(
                {
                    "operational": _("%(operational)d operational is above the total of %(total)d")
                    % {"operational": self.operational, "total": self.total}
                }
            )
