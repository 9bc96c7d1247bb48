"""The brief's figures, computed from what the selectors read: pure functions, no ORM, no clock."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from msaada.readiness import geo
from msaada.readiness.days import shift
from msaada.readiness.money import ZERO, check_rates, to_base, total
from msaada.readiness.risk_messages import risk_message
from msaada.readiness.rows import (
    BURN_WINDOW_DAYS,
    COMMITMENT,
    INCIDENT_WINDOW_DAYS,
    PAID,
    PLEDGE,
    SPENT_IN_WINDOW,
    AssetRow,
    ContributorCount,
    EventTypeCount,
    GroundRecords,
    LineRow,
    MandateRow,
    MissionRecords,
    MoneyGroup,
    Point,
    SiteRow,
    SourceRow,
    Waiting,
)

if TYPE_CHECKING:
    from msaada.readiness.alternatives import Alternative


@dataclass(frozen=True)
class MandateFigure:
    """The mandate in force on the date (active) or, failing one, the latest before it."""

    authority: str
    start: date
    end: date
    active: bool
    days_left: int
    authorized_strength: int


@dataclass(frozen=True)
class ContributorStrength:
    """Personnel of one contributing country: deployed and pledged."""

    contributor: str
    deployed: int
    pledged: int


@dataclass(frozen=True)
class Strength:
    """The force against what was pledged and authorized."""

    deployed: int
    pledged: int
    authorized: int | None
    deployed_pct: Decimal | None
    by_contributor: tuple[ContributorStrength, ...]


@dataclass(frozen=True)
class Funding:
    """The money in the base currency, exact; `spent_in_window` is the burn's 90-day sum."""

    pledged: Fraction
    committed: Fraction
    paid: Fraction
    spent: Fraction
    cash: Fraction
    unpaid_commitments: Fraction
    spent_in_window: Fraction
    daily_burn: Fraction
    runway_days: int | None
    runway_end: date | None
    gap_to_mandate_end: Fraction


@dataclass(frozen=True)
class Coverage:
    """How long a service line stays covered by contracts, against the mandate's end."""

    service_line: str
    covered_until: date | None
    gap_days_before_mandate_end: int | None


@dataclass(frozen=True)
class Risk:
    """Something that breaks next, with the figures that show it (JSON-safe evidence).

    `params` are the values its message is written from: dates, counts and money, not text, so that
    `message` is written in the language active when it is read, not when the brief was computed.
    """

    code: str
    severity: str
    subject: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """Write the risk in the active language."""
        return risk_message(self.code, self.params)


@dataclass(frozen=True)
class Equipment:
    """One kind of equipment: the latest counts of its owners summed, and the share that works."""

    kind: str
    total: int
    operational: int
    operational_pct: Decimal | None
    by_owner: tuple[AssetRow, ...]


@dataclass(frozen=True)
class Capacity:
    """How many people a service line's running contracts provide for; None when it is not capacity-bound."""

    service_line: str
    capacity: int | None


@dataclass(frozen=True)
class Incidents:
    """The incidents of the 30 days ending on the date, in all and by event type."""

    window_start: date
    count: int
    fatalities: int
    by_event_type: tuple[EventTypeCount, ...]


@dataclass(frozen=True)
class SiteIncidents:
    """The window's incidents within 2 km of a site; `illustrative` when one of them rests on an illustrative source."""

    site: str
    nearby: int
    illustrative: bool = False


@dataclass(frozen=True)
class Ground:
    """The ground and the gear: equipment by kind, capacity by service line, incidents, incidents near sites."""

    equipment: tuple[Equipment, ...] = ()
    capacity: tuple[Capacity, ...] = ()
    incidents: Incidents | None = None
    sites: tuple[SiteIncidents, ...] = ()


@dataclass(frozen=True)
class Brief:
    """One truthful, sourced picture of a mission as of a date."""

    mission: str
    mission_name: str
    as_of: date
    currency: str
    mandate: MandateFigure | None
    strength: Strength
    funding: Funding
    life_support: tuple[Coverage, ...]
    sites: tuple[SiteRow, ...]
    sources: tuple[SourceRow, ...]
    risks: tuple[Risk, ...] = ()
    ground: Ground = Ground()

    # The paths of the figures resting on an illustrative input (readiness.marks), and the claims' alternatives.
    illustrative: frozenset[str] = frozenset()
    claims: tuple["Alternative", ...] = ()

    waiting: Waiting = field(
        default_factory=Waiting
    )  # reported records the figures leave out until an officer confirms them


def mandate_figure(row: MandateRow | None, as_of: date) -> MandateFigure | None:
    """Return the mandate with its days left on the date (negative when it has ended)."""
    if row is None:
        return None
    return MandateFigure(
        authority=row.authority,
        start=row.start,
        end=row.end,
        active=row.covers,
        days_left=(row.end - as_of).days,
        authorized_strength=row.authorized_strength,
    )


def deployed_pct(deployed: int, authorized: int | None) -> Decimal | None:
    """Return 100 * deployed / authorized rounded half-even to one decimal; None without a strength."""
    if not authorized:
        return None
    return Decimal(round(Fraction(100 * deployed, authorized) * 10)).scaleb(-1)


def strength_figure(
    deployed: tuple[ContributorCount, ...], pledged: tuple[ContributorCount, ...], mandate: MandateFigure | None
) -> Strength:
    """Merge deployed and pledged counts per contributor and compare the total with the authorized strength."""
    deployed_by = {row.contributor: row.count for row in deployed}
    pledged_by = {row.contributor: row.count for row in pledged}
    by_contributor = tuple(
        ContributorStrength(code, deployed_by.get(code, 0), pledged_by.get(code, 0))
        for code in sorted(deployed_by.keys() | pledged_by.keys())
    )
    authorized = mandate.authorized_strength if mandate else None
    total_deployed = sum(deployed_by.values())
    return Strength(
        deployed=total_deployed,
        pledged=sum(pledged_by.values()),
        authorized=authorized,
        deployed_pct=deployed_pct(total_deployed, authorized),
        by_contributor=by_contributor,
    )


def _sum(groups: tuple[MoneyGroup, ...], base: str, *labels: str) -> Fraction:
    return total(to_base(group, base) for group in groups if not labels or group.label in labels)


def funding_figure(records: MissionRecords, mandate: MandateFigure | None) -> Funding:
    """Convert and add the money, then derive cash, burn, runway and the gap to the mandate's end."""
    base, as_of = records.currency, records.as_of
    check_rates((*records.flows, *records.expenditures, *records.unpaid), base)
    paid = _sum(records.flows, base, PAID)
    spent = _sum(records.expenditures, base)
    in_window = _sum(records.expenditures, base, SPENT_IN_WINDOW)
    unpaid = _sum(records.unpaid, base)
    cash = paid - spent
    daily_burn = in_window / BURN_WINDOW_DAYS
    runway_days = cash // daily_burn if in_window else None
    days_left = max(mandate.days_left, 0) if mandate else 0
    return Funding(
        pledged=_sum(records.flows, base, PLEDGE),
        committed=_sum(records.flows, base, COMMITMENT),
        paid=paid,
        spent=spent,
        cash=cash,
        unpaid_commitments=unpaid,
        spent_in_window=in_window,
        daily_burn=daily_burn,
        runway_days=runway_days,
        runway_end=None if runway_days is None else shift(as_of, runway_days),
        gap_to_mandate_end=max(ZERO, daily_burn * days_left - cash - unpaid),
    )


def coverage_figures(lines: tuple[LineRow, ...], mandate: MandateFigure | None, as_of: date) -> tuple[Coverage, ...]:
    """Return each service line's coverage and its gap in days before the mandate's end."""
    return tuple(
        Coverage(line.name, line.covered_until, _gap_days(line.covered_until, mandate, as_of)) for line in lines
    )


def _gap_days(covered_until: date | None, mandate: MandateFigure | None, as_of: date) -> int | None:
    if mandate is None:
        return None
    if covered_until is None:
        return (mandate.end - as_of).days
    return max(0, (mandate.end - covered_until).days)


def brief_figures(records: MissionRecords) -> Brief:
    """Compute every figure of the brief (without its risks) from the records read for the date."""
    mandate = mandate_figure(records.mandate, records.as_of)
    return Brief(
        mission=records.code,
        mission_name=records.name,
        as_of=records.as_of,
        currency=records.currency,
        mandate=mandate,
        strength=strength_figure(records.deployed, records.pledged, mandate),
        funding=funding_figure(records, mandate),
        life_support=coverage_figures(records.lines, mandate, records.as_of),
        sites=records.sites,
        sources=records.sources,
        ground=ground_figure(records.ground, records.lines, records.as_of),
    )


def equipment_figures(assets: tuple[AssetRow, ...]) -> tuple[Equipment, ...]:
    """Sum the owners' latest counts per kind, by kind, with the share operational (None when none is held)."""
    kinds = sorted({row.kind for row in assets})
    figures = []
    for kind in kinds:
        owners = tuple(row for row in assets if row.kind == kind)
        total, operational = sum(row.total for row in owners), sum(row.operational for row in owners)
        figures.append(Equipment(kind, total, operational, deployed_pct(operational, total), owners))
    return tuple(figures)


def site_incidents(site: Point, points: tuple[Point, ...]) -> SiteIncidents:
    """Count the points within 2 km of the site, measured exactly on the sphere, and whether one is illustrative."""
    near = [point for point in points if geo.nearby(site.latitude, site.longitude, point.latitude, point.longitude)]
    return SiteIncidents(site.name, len(near), any(point.illustrative for point in near))


def ground_figure(records: GroundRecords, lines: tuple[LineRow, ...], as_of: date) -> Ground:
    """Compute equipment, capacity per line of the brief, the window's incidents and those near each site."""
    capacities = {row.name: row.capacity for row in records.capacities}
    types = records.event_types
    return Ground(
        equipment=equipment_figures(records.assets),
        capacity=tuple(Capacity(line.name, capacities.get(line.name) or None) for line in lines),
        incidents=Incidents(
            window_start=shift(as_of, -(INCIDENT_WINDOW_DAYS - 1)),
            count=sum(row.count for row in types),
            fatalities=sum(row.fatalities for row in types),
            by_event_type=types,
        ),
        sites=tuple(site_incidents(site, records.near) for site in records.sites),
    )
