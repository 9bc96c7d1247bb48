"""What the readiness selectors read for one mission and date: small frozen records, no ORM."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

BURN_WINDOW_DAYS = 90

PLEDGE, COMMITMENT, PAID = "pledge", "commitment", "paid"
SPENT_BEFORE_WINDOW, SPENT_IN_WINDOW = "spent_before_window", "spent_in_window"
UNPAID = "unpaid"
HOSTILE = "hostile"
HELD_STATUSES = ("secured", "reopened")
INCIDENT_WINDOW_DAYS = 30


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
    url: str | None = None

    @property
    def illustrative(self) -> bool:
        return self.kind == "illustrative"


@dataclass(frozen=True)
class AssetRow:
    """The latest count of one kind of equipment held by one owner on the date."""

    kind: str
    owner: str
    owner_name: str
    total: int
    operational: int


@dataclass(frozen=True)
class LineCapacity:
    """The people a service line's contracts running on the date provide for, summed."""

    name: str
    capacity: int


@dataclass(frozen=True)
class EventTypeCount:
    """The incidents of one event type in the 30-day window, and their fatalities."""

    event_type: str
    count: int
    fatalities: int


@dataclass(frozen=True)
class Point:
    """A named place on the map: a site, or an incident of the window near one (marked when illustrative)."""

    name: str
    latitude: Decimal
    longitude: Decimal
    illustrative: bool = False


@dataclass(frozen=True)
class IncidentRow:
    """An incident of the window as the map shows it, with the key of a source it cites (empty if none)."""

    event_date: date
    event_type: str
    actor: str
    location: str
    latitude: Decimal
    longitude: Decimal
    fatalities: int
    source: str


@dataclass(frozen=True)
class GroundRecords:
    """What the ground-and-gear selectors read: equipment, capacities, the window's incidents, sites and points.

    `near` holds only the window's incidents inside a site's bounding box, the few worth measuring.
    """

    assets: tuple[AssetRow, ...] = ()
    capacities: tuple[LineCapacity, ...] = ()
    event_types: tuple[EventTypeCount, ...] = ()
    sites: tuple[Point, ...] = ()
    near: tuple[Point, ...] = ()


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
    ground: GroundRecords = GroundRecords()

    illustrative_inputs: frozenset[str] = frozenset()
    claims: tuple["ClaimRow", ...] = ()


@dataclass(frozen=True)
class ClaimRow:
    """Another source's value for one field of a record the brief may rest on, with what the record holds.

    `recorded` gives the record's fields as its file writes them; `subject` is its contributor, when it
    has one; `in_use` says whether the brief counts the record itself (the latest pledge, the mandate chosen).
    """

    file: str
    record: str
    field: str
    value: str
    note: str
    sources: tuple[str, ...]
    recorded: tuple[tuple[str, str], ...]
    subject: str | None = None
    in_use: bool = True

    def values(self, claimed: bool) -> dict[str, str]:
        """Return the record's fields as recorded, or with the claimed value in place."""
        values = dict(self.recorded)
        return values | {self.field: self.value} if claimed else values


@dataclass(frozen=True)
class Waiting:
    """How many reported records dated on or before the date wait for an officer's review, per kind."""

    pledges: int = 0
    deployments: int = 0
    flows: int = 0

    @property
    def total(self) -> int:
        return self.pledges + self.deployments + self.flows
