"""Plans: the cost models a mission is planned with, and its scenarios with their targets, flows and contracts.

DESIGN.md ("Plans: definitions") says what a plan computes from these records; the records say
only what the support office expects: rates per basis and channel, strengths by date, money and
contracts to come.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from msaada.core.constraints import check_period, check_same_mission, non_negative, period_constraint, unique_ref
from msaada.core.fields import MAX_COUNT, count_field, currency_field, money_field
from msaada.core.identity import RecordFile
from msaada.finance.models import Fund, FundKind, Organization, Stage
from msaada.forces.models import Category, Contributor
from msaada.logistics.models import ServiceLine
from msaada.missions.models import MissionFact


class Basis(models.TextChoices):
    """How a cost line's amount counts: per person per month, per rotation, once per arrival, per month."""

    PERSON_MONTH = "person_month", _("per person per month")
    ROTATION = "rotation", _("per person per rotation")
    ARRIVAL = "arrival", _("once per person arriving")
    MONTH = "month", _("per month")


class Channel(models.TextChoices):
    """Who pays a cost line: the UN peacekeeping budget, the trust fund, or a country bilaterally."""

    ASSESSED = "assessed", _("assessed")
    VOLUNTARY = "voluntary", _("voluntary")
    BILATERAL = "bilateral", _("bilateral")


CHANNEL_OF_FUND_KIND = {
    FundKind.TRUST_FUND: Channel.VOLUNTARY,
    FundKind.BILATERAL: Channel.BILATERAL,
    FundKind.ASSESSED: Channel.ASSESSED,
}


def channel_of(fund_kind: str) -> str:
    """Return the channel a fund of this kind pays through: a trust fund is voluntary money."""
    return str(CHANNEL_OF_FUND_KIND[FundKind(fund_kind)])


class CostModel(MissionFact):
    """The rates a mission's plans are costed with, from a date on: a scenario takes the latest before it starts."""

    natural_key_fields = ("key",)
    record_file = RecordFile("cost_models", ("key", "name", "effective"))

    key = models.SlugField(_("key"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    effective = models.DateField(_("effective"))

    class Meta:
        verbose_name = _("cost model")
        verbose_name_plural = _("cost models")
        ordering = ["mission", "effective", "key"]
        constraints = [models.UniqueConstraint(fields=["mission", "key"], name="cost_model_key_unique")]
        indexes = [models.Index(fields=["mission", "effective"], name="cost_model_effective")]

    def __str__(self) -> str:
        return f"{self.name} ({self.effective})"


class CostLine(MissionFact):
    """One line of a cost model: a budget line's amount on a basis, paid through a channel."""

    record_file = RecordFile(
        "cost_lines",
        (
            "cost_model",
            "budget_line",
            "basis",
            "amount",
            "currency",
            "channel",
            "rotation_months",
            "service_line",
            "lead_days",
        ),
        headers={"cost_model": "model"},
    )

    cost_model = models.ForeignKey(
        CostModel, on_delete=models.PROTECT, related_name="lines", verbose_name=_("cost model")
    )
    budget_line = models.CharField(_("budget line"), max_length=200)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    amount = money_field(_("amount"))
    currency = currency_field()
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    rotation_months = models.PositiveIntegerField(
        _("rotation months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, message=_("must be at least 1")), MaxValueValidator(MAX_COUNT)],
        help_text=_("Months between rotations; only for a line on the rotation basis."),
    )
    service_line = models.ForeignKey(
        ServiceLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cost_lines",
        verbose_name=_("service line"),
        help_text=_("A line with a service line is capacity-bound: the plan checks its contracts."),
    )
    lead_days = models.PositiveIntegerField(
        _("lead days"),
        null=True,
        blank=True,
        help_text=_("Days between signing a contract and its start; 0 when left empty on a capacity-bound line."),
    )

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["mission", "cost_model", "budget_line"]
        constraints = [
            unique_ref("cost_line"),
            non_negative("amount", "cost_line"),
            models.CheckConstraint(
                condition=(Q(basis=Basis.ROTATION) & Q(rotation_months__gte=1))
                | (~Q(basis=Basis.ROTATION) & Q(rotation_months__isnull=True)),
                name="cost_line_rotation_months",
                violation_error_message=_("Rotation months are required for a rotation line, and only then."),
            ),
            models.CheckConstraint(
                condition=Q(lead_days__isnull=True) | Q(service_line__isnull=False),
                name="cost_line_lead_days_with_service_line",
                violation_error_message=_("Lead days only go with a service line."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget_line}: {self.amount} {self.currency} {self.get_basis_display()}"

    def clean(self) -> None:
        check_same_mission(self, "cost_model")
        check_same_mission(self, "service_line")
        errors: dict[str, str] = {}
        if self.basis == Basis.ROTATION and self.rotation_months is None:
            errors["rotation_months"] = _("required for a line on the rotation basis")
        elif self.basis and self.basis != Basis.ROTATION and self.rotation_months is not None:
            errors["rotation_months"] = _("only a line on the rotation basis has rotation months")
        if self.service_line_id is None and self.lead_days is not None:
            errors["lead_days"] = _("only a line with a service line has lead days")
        if errors:
            raise ValidationError(errors)
        if self.service_line_id is not None and self.lead_days is None:
            self.lead_days = 0


class Scenario(MissionFact):
    """A named plan of a mission from a start to an end: its targets, planned flows and planned contracts."""

    natural_key_fields = ("name",)
    record_file = RecordFile("scenarios", ("name", "start", "end", "cost_model", "notes"))

    name = models.SlugField(_("name"), max_length=100)
    start = models.DateField(_("start"))
    end = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Empty: the end of the mandate running on the start.")
    )
    cost_model = models.ForeignKey(
        CostModel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scenarios",
        verbose_name=_("cost model"),
        help_text=_("Empty: the mission's latest cost model effective on or before the start."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["mission", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="scenario_name_unique"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="scenario_end_after_start",
                violation_error_message=_("The end is before the start."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        check_period(self.start, self.end)
        check_same_mission(self, "cost_model")


def scenario_field(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(Scenario, on_delete=models.PROTECT, related_name=related_name, verbose_name=_("scenario"))


class ScenarioRow(MissionFact):
    """A row of one scenario: it belongs to the scenario's mission."""

    scenario_id: int | None

    class Meta:
        abstract = True

    def clean(self) -> None:
        check_same_mission(self, "scenario")


class Target(ScenarioRow):
    """From its date on, a contributor's personnel of one category number this many in the scenario."""

    record_file = RecordFile("targets", ("scenario", "contributor", "category", "date", "strength"))

    scenario = scenario_field("targets")

    contributor = models.ForeignKey(
        Contributor, on_delete=models.PROTECT, related_name="+", verbose_name=_("contributor")
    )
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    date = models.DateField(_("date"))
    strength = count_field(_("strength"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["mission", "scenario", "date", "contributor"]
        constraints = [unique_ref("target")]
        indexes = [models.Index(fields=["scenario", "date"], name="target_date")]

    def __str__(self) -> str:
        return f"{self.scenario}: {self.contributor.code} {self.strength} {self.category} ({self.date})"


class PlannedFlow(ScenarioRow):
    """Money the scenario expects through a fund, from a donor, at a stage, on a date."""

    record_file = RecordFile("planned_flows", ("scenario", "fund", "donor", "stage", "amount", "currency", "date"))

    scenario = scenario_field("planned_flows")

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="planned_flows", verbose_name=_("fund"))
    donor = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="planned_flows", verbose_name=_("donor")
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    amount = money_field(_("amount"))
    currency = currency_field()
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("planned flow")
        verbose_name_plural = _("planned flows")
        ordering = ["mission", "scenario", "date"]
        constraints = [unique_ref("planned_flow"), non_negative("amount", "planned_flow")]
        indexes = [models.Index(fields=["scenario", "date"], name="planned_flow_date")]

    def __str__(self) -> str:
        return f"{self.scenario}: {self.donor} {self.stage} {self.amount} {self.currency} ({self.date})"

    def clean(self) -> None:
        super().clean()
        check_same_mission(self, "fund")


class PlannedContract(ScenarioRow):
    """A contract the scenario expects for a service line: its vendor, period, capacity and value."""

    record_file = RecordFile(
        "planned_contracts", ("scenario", "service_line", "vendor", "start", "end", "capacity", "value", "currency")
    )

    scenario = scenario_field("planned_contracts")

    service_line = models.ForeignKey(
        ServiceLine, on_delete=models.PROTECT, related_name="planned_contracts", verbose_name=_("service line")
    )
    vendor = models.CharField(_("vendor"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    capacity = count_field(_("capacity (people)"))
    value = money_field(_("value"))
    currency = currency_field()

    class Meta:
        verbose_name = _("planned contract")
        verbose_name_plural = _("planned contracts")
        ordering = ["mission", "scenario", "service_line", "start"]
        constraints = [
            unique_ref("planned_contract"),
            period_constraint("planned_contract_end_after_start"),
            non_negative("value", "planned_contract"),
        ]
        indexes = [models.Index(fields=["scenario", "service_line", "start"], name="planned_contract_period")]

    def __str__(self) -> str:
        return f"{self.scenario}: {self.service_line} {self.vendor} ({self.start} – {self.end})"

    def clean(self) -> None:
        super().clean()
        check_period(self.start, self.end)
        check_same_mission(self, "service_line")
