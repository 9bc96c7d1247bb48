"""What a plan reads: small frozen records, no ORM. Money here is as recorded, or already in the base currency."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from msaada.readiness.rows import SourceRow

ASSESSED, VOLUNTARY, BILATERAL = "assessed", "voluntary", "bilateral"
CHANNELS = (ASSESSED, VOLUNTARY, BILATERAL)
PERSON_MONTH, ROTATION, ARRIVAL, MONTH = "person_month", "rotation", "arrival", "month"
HOLD, AS_PLEDGED, AS_HISTORY_SHOWS = "hold", "as_pledged", "as_history_shows"
DERIVED = (HOLD, AS_PLEDGED, AS_HISTORY_SHOWS)

Pair = tuple[str, str]


@dataclass(frozen=True)
class Rate:
    """The planning rate of a currency: units per US dollar, the latest on or before the day before the start."""

    currency: str
    date: date
    per_usd: Decimal


@dataclass(frozen=True)
class CostLineRow:
    """One line of the cost model; `service_line` makes it capacity-bound (then `lead_days` is set)."""

    budget_line: str
    basis: str
    amount: Decimal
    currency: str
    channel: str
    rotation_months: int | None = None
    service_line: str | None = None
    lead_days: int | None = None


@dataclass(frozen=True)
class PairCount:
    """A number of personnel of one contributor and category."""

    contributor: str
    category: str
    count: int

    @property
    def pair(self) -> Pair:
        return (self.contributor, self.category)


@dataclass(frozen=True)
class TargetRow:
    """From its date, the pair has this strength (of two on one date, the later listed replaces the earlier)."""

    contributor: str
    category: str
    date: date
    strength: int

    @property
    def pair(self) -> Pair:
        return (self.contributor, self.category)


@dataclass(frozen=True)
class FundCash:
    """A fund's paid minus spent as of the day before the start, in the base currency, and its channel."""

    fund: str
    channel: str
    cash: Fraction


@dataclass(frozen=True)
class PlannedPayment:
    """A planned flow of stage paid into a fund of a channel, as recorded (converted at the planning rate)."""

    channel: str
    amount: Decimal
    currency: str
    date: date


@dataclass(frozen=True)
class ContractRow:
    """A recorded or planned contract of a capacity-bound service line."""

    service_line: str
    start: date
    end: date
    capacity: int


@dataclass(frozen=True)
class MandateSpan:
    """A mandate's period and authorized strength; `pk` breaks ties as the brief does."""

    pk: int
    start: date
    end: date
    authorized_strength: int


@dataclass(frozen=True)
class PlanInputs:
    """Everything a plan is computed from: the scenario's rows and the records dated before its start."""

    mission: str
    scenario: str
    currency: str
    start: date
    end: date
    cost_model: str | None
    rates: tuple[Rate, ...]
    lines: tuple[CostLineRow, ...]
    deployed: tuple[PairCount, ...]
    targets: tuple[TargetRow, ...]
    cash: tuple[FundCash, ...]
    payments: tuple[PlannedPayment, ...]
    contracts: tuple[ContractRow, ...]
    mandates: tuple[MandateSpan, ...]
    derived: str | None = None
    sources: tuple[SourceRow, ...] = ()


@dataclass(frozen=True)
class ForceHistory:
    """What the derived scenarios read of the records before the start.

    `pledged` holds each pair's latest pledge (withdrawn: count 0) with its date; `first_pledge` and
    `first_arrival` each contributor's earliest pledge and earliest arrival.
    """

    pledged: tuple[tuple[PairCount, date], ...]
    first_pledge: tuple[tuple[str, date], ...]
    first_arrival: tuple[tuple[str, date], ...]
