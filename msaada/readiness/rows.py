"""What the readiness selectors read for one mission and date: small frozen records, no ORM."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

BURN_WINDOW_DAYS = 90

PLEDGE, COMMITMENT, PAID = "pledge", "commitment", "paid"
SPENT_BEFORE_WINDOW, SPENT_IN_WINDOW = "spent_before_window", "spent_in_window"
UNPAID = "unpaid"
HOSTILE = "hostile"


@dataclass(frozen=True)
class MandateRow:
    """The mandate chosen for the date; `covers` says whether it runs on that date."""

    pk: int
    authority: str
    start: date
    end: date
    authorized_strength: int
    covers: bool


@dataclass(frozen=True)
class ContributorCount:
    """A number of personnel for one contributing country (deployed or pledged)."""

    contributor: str
    count: int


@dataclass(frozen=True)
class MoneyGroup:
    """A sum in one currency over rows that share the rates converting them to the base currency.

    `label` is the flow stage, `spent_before_window`/`spent_in_window` for expenditures, or
    `unpaid`. A rate is None when the conversion needs none or when none is on record;
    `first_date` is the earliest date of the rows, named when a rate is missing.
    """

    label: str
    currency: str
    amount: Decimal
    per_usd: Decimal | None
    base_per_usd: Decimal | None
    first_date: date


@dataclass(frozen=True)
class LineRow:
    """A service line and the last day of the unbroken run of contracts covering the date."""

    name: str
    covered_until: date | None


@dataclass(frozen=True)
class SiteRow:
    """A site, its latest status on the date, and its latest secured or reopened status by then."""

    name: str
    kind: str
    status: str | None
    since: date | None
    held_status: str | None
    held_since: date | None

    @property
    def lost(self) -> bool:
        """Whether the site is hostile now after it was secured or reopened."""
        return self.status == HOSTILE and self.held_since is not None


@dataclass(frozen=True)
class SourceRow:
    """A source cited by a record behind the brief."""

    key: str
    title: str
    publisher: str | None
    date: date | None
    kind: str

    @property
    def illustrative(self) -> bool:
        return self.kind == "illustrative"


@dataclass(frozen=True)
class MissionRecords:
    """Everything the selectors read for one mission as of one date."""

    code: str
    name: str
    currency: str
    as_of: date
    mandate: MandateRow | None
    deployed: tuple[ContributorCount, ...]
    pledged: tuple[ContributorCount, ...]
    flows: tuple[MoneyGroup, ...]
    expenditures: tuple[MoneyGroup, ...]
    unpaid: tuple[MoneyGroup, ...]
    lines: tuple[LineRow, ...]
    sites: tuple[SiteRow, ...]
    sources: tuple[SourceRow, ...]


@dataclass(frozen=True)
class Waiting:
    """How many reported records dated on or before the date wait for an officer's review, per kind."""

    pledges: int = 0
    deployments: int = 0
    flows: int = 0

    @property
    def total(self) -> int:
        return self.pledges + self.deployments + self.flows
