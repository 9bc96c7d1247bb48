"""Money records in the mission's base currency: a list's total and one record's value, each row at its own rate.

The conversion is the brief's own: the rates come from `readiness.selectors.with_rates` (the latest
rate on or before the row's date) and are applied by `finance.money.convert` through the readiness
money helpers, exactly, rounded to the cent only when shown.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import Min, OuterRef, Sum
from django.utils.translation import gettext as _

from msaada.accounts.scopes import may_keep
from msaada.entry.lists import text_of
from msaada.finance.models import Expenditure, Flow, FundMovement, FxRate
from msaada.finance.money import MissingRateError, convert
from msaada.finance.rules import first_rate_dates, has_rate
from msaada.logistics.models import Contract
from msaada.missions.models import Mission
from msaada.readiness.formats import money_text
from msaada.readiness.money import cents, check_rates, to_base, total
from msaada.readiness.rows import MoneyGroup
from msaada.readiness.selectors import with_rates

# The amount of each kind of money record, and the date whose rate converts it.
MONEY_FIELDS: dict[type[models.Model], tuple[str, str]] = {
    Flow: ("amount", "date"),
    Expenditure: ("amount", "date"),
    Contract: ("value", "start"),
}


@dataclass(frozen=True)
class Totals:
    """The sum of a list's money: in each currency as recorded, and in the base currency (None when a rate lacks)."""

    currency: str
    as_recorded: tuple[tuple[str, Decimal], ...]
    in_base: Decimal | None
    missing: MissingRateError | None

    @property
    def in_base_text(self) -> str:
        return "" if self.in_base is None else money_text(self.in_base, self.currency)

    @property
    def as_recorded_text(self) -> str:
        return " · ".join(money_text(amount, currency) for currency, amount in self.as_recorded)


@dataclass(frozen=True)
class UsedRate:
    """An exchange rate a conversion used, as the record page names it."""

    label: str
    text: str
    rate: FxRate


def rate_text(rate: FxRate) -> str:
    """Return a rate as people read it: `1.35 CAD per US dollar, from 2024-01-01`."""
    per_usd, _number = text_of(FxRate._meta.get_field("per_usd"), rate.per_usd)
    return _("%(per_usd)s %(currency)s per US dollar, from %(date)s") % {
        "per_usd": per_usd,
        "currency": rate.currency,
        "date": rate.date.isoformat(),
    }


@dataclass(frozen=True)
class InBase:
    """A record's amount in the base currency, and the rates that converted it (None where none was needed)."""

    currency: str
    value: Decimal | None
    rate: FxRate | None
    base_rate: FxRate | None
    missing: MissingRateError | None

    @property
    def value_text(self) -> str:
        return "" if self.value is None else money_text(self.value, self.currency)

    @property
    def rates(self) -> list[UsedRate]:
        """Return the rates that converted the amount: its currency's, then the base currency's."""
        labels = ((self.rate, _("Exchange rate used")), (self.base_rate, _("Rate of the mission's currency")))
        return [UsedRate(str(label), rate_text(rate), rate) for rate, label in labels if rate is not None]


def list_totals(records: models.QuerySet, mission: Mission) -> Totals | None:
    """Return the totals of the listed records of a money kind, in one aggregate query; None for other kinds."""
    if records.model not in MONEY_FIELDS:
        return None
    amount, day = MONEY_FIELDS[records.model]
    base = mission.base_currency
    rows = (
        with_rates(records.order_by(), base, OuterRef(day))
        .values("currency", "per_usd", "base_per_usd")
        .annotate(amount=Sum(amount), first_date=Min(day))
        .order_by()
    )
    groups = [
        MoneyGroup("", row["currency"], row["amount"], row["per_usd"], row["base_per_usd"], row["first_date"])
        for row in rows
    ]
    as_recorded: dict[str, Decimal] = defaultdict(Decimal)
    for group in groups:
        as_recorded[group.currency] += group.amount
    try:
        check_rates(groups, base)
    except MissingRateError as missing:
        return Totals(base, tuple(sorted(as_recorded.items())), None, missing)
    in_base = cents(total(to_base(group, base) for group in groups))
    return Totals(base, tuple(sorted(as_recorded.items())), in_base, None)


def record_in_base(record: models.Model, mission: Mission) -> InBase | None:
    """Return a money record's value in the base currency at the rates of its date; None for other kinds."""
    if type(record) not in MONEY_FIELDS:
        return None
    amount, day = MONEY_FIELDS[type(record)]
    base = mission.base_currency
    one = type(record)._default_manager.filter(pk=record.pk)
    rates = with_rates(one, base, OuterRef(day)).values("rate_pk", "per_usd", "base_rate_pk", "base_per_usd").get()
    found = FxRate.objects.in_bulk([pk for pk in (rates["rate_pk"], rates["base_rate_pk"]) if pk is not None])
    rate, base_rate = found.get(rates["rate_pk"]), found.get(rates["base_rate_pk"])
    try:
        value = convert(
            getattr(record, amount),
            record.currency,
            base,
            rates["per_usd"],
            rates["base_per_usd"],
            getattr(record, day),
        )
    except MissingRateError as missing:
        return InBase(base, None, rate, base_rate, missing)
    return InBase(base, cents(value), rate, base_rate, None)


def missing_rates(record: models.Model, mission: Mission) -> list[MissingRateError]:
    """Return the rates a flow or an expenditure being typed lacks, by the rule that refuses it (NeedsRate)."""
    if not isinstance(record, FundMovement) or record.date is None or not record.currency:
        return []
    first = first_rate_dates()
    currencies = sorted({record.currency, mission.base_currency})
    return [MissingRateError(code, record.date) for code in currencies if not has_rate(code, record.date, first)]


def rate_help(user: AbstractBaseUser, missing: list[MissingRateError]) -> dict[str, object]:
    """Return what the "no exchange rate" notices need: the rates missing, and whether the user may add them."""
    return {"missing_rates": missing, "may_add_rate": may_keep(user, FxRate)}
