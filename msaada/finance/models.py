"""The money: who gives, through which fund, at which stage, in which currency, and what is spent."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from msaada.core.codes import validate_country
from msaada.core.constraints import check_same_mission, non_negative, unique_ref
from msaada.core.fields import ScaledDecimalField, currency_field, money_field
from msaada.core.identity import RecordFile
from msaada.core.records import Fact
from msaada.core.review import Reviewed
from msaada.missions.models import MissionFact


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", _("government")
    MULTILATERAL = "multilateral", _("multilateral")
    FUND = "fund", _("fund")
    COMPANY = "company", _("company")
    NGO = "ngo", _("NGO")


class Organization(Fact):
    """A donor, a fund manager, an agency or a company."""

    natural_key_fields = ("key",)
    record_file = RecordFile("organizations", ("key", "name", "kind", "country"))

    key = models.SlugField(_("key"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    country = models.CharField(_("country"), max_length=3, blank=True, validators=[validate_country])

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class FundKind(models.TextChoices):
    TRUST_FUND = "trust_fund", _("trust fund")
    BILATERAL = "bilateral", _("bilateral")
    ASSESSED = "assessed", _("assessed (UN budget)")


class Fund(MissionFact):
    """A channel money reaches the mission through: a UN trust fund, a bilateral channel or the UN budget."""

    natural_key_fields = ("key",)
    record_file = RecordFile("funds", ("key", "name", "manager", "kind"))

    key = models.SlugField(_("key"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    manager = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("manager"))
    kind = models.CharField(_("kind"), max_length=20, choices=FundKind.choices)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["mission", "key"]
        constraints = [models.UniqueConstraint(fields=["mission", "key"], name="fund_key_unique")]

    def __str__(self) -> str:
        return self.name


class Stage(models.TextChoices):
    """The stages of a contribution, as FTS and IATI name them."""

    PLEDGE = "pledge", _("pledge")
    COMMITMENT = "commitment", _("commitment")
    PAID = "paid", _("paid")


class FundMovement(MissionFact):
    """An amount of money, in a currency, moving through a fund on a date."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="%(class)ss", verbose_name=_("fund"))
    amount = money_field(_("amount"))
    currency = currency_field()
    date = models.DateField(_("date"))

    class Meta:
        abstract = True

    def clean(self) -> None:
        check_same_mission(self, "fund")


class Flow(FundMovement, Reviewed):
    """One stage event of a contribution: pledged, committed or paid (flows sharing a ref are one contribution)."""

    record_file = RecordFile(
        "flows",
        ("ref", "fund", "donor", "stage", "amount", "currency", "date"),
        # Rows sharing a ref are the stages of one contribution, told apart by stage and date.
        ref_identity=("ref", "stage", "date"),
    )

    donor = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="flows", verbose_name=_("donor"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)

    class Meta:
        verbose_name = _("flow")
        verbose_name_plural = _("flows")
        ordering = ["mission", "date"]
        constraints = [non_negative("amount", "flow")]
        indexes = [
            models.Index(fields=["mission", "stage", "date"], name="flow_stage_date"),
            models.Index(fields=["mission", "ref"], name="flow_contribution"),
        ]

    def __str__(self) -> str:
        return f"{self.donor} {self.stage} {self.amount} {self.currency} ({self.date})"


class FxRate(Fact):
    """How many units of a currency buy one US dollar, from a date on."""

    natural_key_fields = ("currency", "date")
    record_file = RecordFile("fx_rates", ("date", "currency", "per_usd"))

    date = models.DateField(_("date"))
    currency = currency_field()
    per_usd = ScaledDecimalField(_("units per US dollar"), places=8)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="fx_rate_unique"),
            models.CheckConstraint(
                condition=Q(per_usd__gt=0),
                name="fx_rate_positive",
                violation_error_message=_("The rate must be above zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.per_usd} {self.currency} per USD ({self.date})"

    def clean(self) -> None:
        if self.per_usd is not None and self.per_usd <= 0:
            raise ValidationError({"per_usd": _("must be above zero")})


class Expenditure(FundMovement):
    """Money spent from a fund on a budget line."""

    record_file = RecordFile("expenditures", ("fund", "budget_line", "amount", "currency", "date"))

    budget_line = models.CharField(_("budget line"), max_length=200)

    class Meta:
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        ordering = ["mission", "date"]
        constraints = [unique_ref("expenditure"), non_negative("amount", "expenditure")]
        indexes = [models.Index(fields=["mission", "date"], name="expenditure_date")]

    def __str__(self) -> str:
        return f"{self.budget_line} {self.amount} {self.currency} ({self.date})"
