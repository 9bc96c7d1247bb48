"""The numbers behind the dashboard's charts, as of a date, from database aggregates.

Each function issues a fixed number of queries whatever the data size: the database groups
the records by month (and contributor, stage, currency and rates, or service line), and
Python only runs the running sums over those grouped rows, which are bounded by months and
contributors, not by records. Money is converted exactly as the brief converts it
(`selectors.with_rates` and `money.to_base`): each flow and expenditure at the rates of its
own date. Nothing dated after the as-of date is read.
"""

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import (
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from msaada.forces import selectors as force_selectors
from msaada.missions import selectors as mandate_selectors
from msaada.missions.models import Mission
from msaada.readiness import selectors
from msaada.readiness.days import day_after, day_before
from msaada.readiness.money import ZERO, to_base
from msaada.readiness.rows import COMMITMENT, PAID, PLEDGE, MoneyGroup

# A chart shows at most the last ten years of months before the as-of date: a mission's
# life fits, and a far-away date cannot make a page of thousands of bars.
MONTHS_SHOWN = 120
SPENT = "spent"


@dataclass(frozen=True)
class StrengthPoint:
    """The force at the end of a month (or on the as-of date, in its month)."""

    day: date
    deployed: tuple[int, ...]
    authorized: int | None
    pledged: int

    @property
    def total(self) -> int:
        return sum(self.deployed)


@dataclass(frozen=True)
class StrengthSeries:
    """Deployed personnel per contributor, authorized and pledged, month by month.

    `contributors` lists the codes largest first (by personnel on the as-of date, then code);
    each point's `deployed` follows that order.
    """

    contributors: tuple[str, ...]
    points: tuple[StrengthPoint, ...]


@dataclass(frozen=True)
class FundingPoint:
    """Money pledged, committed, paid and spent up to the end of a month, in the base currency, unrounded."""

    day: date
    pledged: Fraction
    committed: Fraction
    paid: Fraction
    spent: Fraction


@dataclass(frozen=True)
class FundingSeries:
    """Cumulative money, month by month, in the mission's base currency."""

    currency: str
    points: tuple[FundingPoint, ...]


@dataclass(frozen=True)
class CoverageRun:
    """An unbroken stretch of days a service line is covered by contracts that overlap or touch."""

    start: date
    end: date


@dataclass(frozen=True)
class LineCoverage:
    """A service line and its runs of coverage, earliest first."""

    service_line: str
    runs: tuple[CoverageRun, ...]


def month_days(first_month: date, as_of: date) -> tuple[date, ...]:
    """Return the last day of each month from `first_month`'s to the as-of date's, the last one being the date itself.

    Only the last MONTHS_SHOWN months are returned.
    """
    months = (as_of.year - first_month.year) * 12 + as_of.month - first_month.month + 1
    days = []
    for back in range(min(months, MONTHS_SHOWN) - 1, -1, -1):
        year, month = divmod(as_of.year * 12 + as_of.month - 1 - back, 12)
        days.append(date(year, month + 1, monthrange(year, month + 1)[1]))
    if days:
        days[-1] = as_of
    return tuple(days)


def _month(day: date) -> date:
    return day.replace(day=1)


def _running(changes: dict[date, int], days: tuple[date, ...]) -> list[int]:
    """Return, for each day, the sum of the changes of its month and every month before."""
    ordered = sorted(changes.items())
    sums, running, index = [], 0, 0
    for day in days:
        while index < len(ordered) and ordered[index][0] <= _month(day):
            running += ordered[index][1]
            index += 1
        sums.append(running)
    return sums


def strength_series(mission: Mission, as_of: date) -> StrengthSeries:
    """Return deployed (per contributor), authorized and pledged strength at the end of each month."""
    deployed = _deployed_by_month(mission, as_of)
    pledged = _pledged_changes_by_month(mission, as_of)
    mandates = list(mandate_selectors.mandates_started(mission, as_of))
    months = [*(month for month, _ in deployed), *pledged, *(_month(row["start"]) for row in mandates)]
    if not months:
        return StrengthSeries((), ())
    days = month_days(min(months), as_of)
    by_code = {
        code: _running({m: n for (m, c), n in deployed.items() if c == code}, days)
        for code in {code for _, code in deployed}
    }
    # The largest contingent on the date first, so it sits at the bottom of the stack.
    contributors = tuple(sorted(by_code, key=lambda code: (-by_code[code][-1], code)))
    per_contributor = [by_code[code] for code in contributors]
    pledged_totals = _running(pledged, days)
    points = tuple(
        StrengthPoint(
            day, tuple(counts[i] for counts in per_contributor), _authorized_on(mandates, day), pledged_totals[i]
        )
        for i, day in enumerate(days)
    )
    return StrengthSeries(contributors, points)


SHOWN_CONTRIBUTORS = 7  # and "others": eight colours, one legend row or two, however many contribute


def grouped(series: StrengthSeries, shown: int = SHOWN_CONTRIBUTORS) -> StrengthSeries:
    """Keep the largest contributors and add up the rest as "others", so that a chart and its table stay readable."""
    if len(series.contributors) <= shown + 1:
        return series
    points = tuple(
        replace(point, deployed=(*point.deployed[:shown], sum(point.deployed[shown:]))) for point in series.points
    )
    return StrengthSeries((*series.contributors[:shown], _("Others")), points)


def _deployed_by_month(mission: Mission, as_of: date) -> dict[tuple[date, str], int]:
    """Return arrivals minus departures per month and contributor."""
    rows = (
        selectors.deployments(mission, as_of)
        .annotate(month=TruncMonth("date"))
        .values("month", "contributor__code")
        .annotate(net=Sum(force_selectors.signed_count()))
        .order_by()
    )
    return {(row["month"], row["contributor__code"]): row["net"] for row in rows}


def _pledged_changes_by_month(mission: Mission, as_of: date) -> dict[date, int]:
    """Return per month how much the pledged total changes.

    A pledge replaces the latest earlier pledge of its contributor and category (same date:
    the lower pk), so it changes the total by its count minus the one it replaces; the
    running sum of the changes is the brief's pledged total at any date.
    """
    pledges = selectors.pledges(mission, as_of)
    rows = (
        pledges.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(change=Sum(force_selectors.counted() - force_selectors.replaced_count(pledges)))
        .order_by()
    )
    return {row["month"]: row["change"] for row in rows}


def _authorized_on(mandates: list[dict], day: date) -> int | None:
    """Return the authorized strength of the mandate in force on the day, as the brief would show it."""
    chosen = mandate_selectors.in_force(mandates, day)
    return None if chosen is None else chosen["authorized_strength"]


def funding_series(mission: Mission, as_of: date) -> FundingSeries:
    """Return money pledged, committed, paid and spent up to the end of each month, in the base currency.

    Raise MissingRateError when an amount has no exchange rate on or before its date.
    """
    base = mission.base_currency
    flows = selectors.with_rates(selectors.flows(mission, as_of), base, OuterRef("date")).annotate(label=F("stage"))
    spent = selectors.with_rates(selectors.expenditures(mission, as_of), base, OuterRef("date")).annotate(
        label=Value(SPENT)
    )
    by_label: dict[str, dict[date, Fraction]] = defaultdict(dict)
    for month, group in (*_monthly_groups(flows), *_monthly_groups(spent)):
        by_label[group.label][month] = by_label[group.label].get(month, ZERO) + to_base(group, base)
    months = [month for sums in by_label.values() for month in sums]
    if not months:
        return FundingSeries(base, ())
    days = month_days(min(months), as_of)
    columns = {label: _running_money(by_label[label], days) for label in (PLEDGE, COMMITMENT, PAID, SPENT)}
    points = tuple(
        FundingPoint(day, columns[PLEDGE][i], columns[COMMITMENT][i], columns[PAID][i], columns[SPENT][i])
        for i, day in enumerate(days)
    )
    return FundingSeries(base, points)


def _monthly_groups(rows: QuerySet) -> list[tuple[date, MoneyGroup]]:
    """Return sums per month, label, currency and rates: the brief's money groups, split by month."""
    grouped = (
        rows.annotate(month=TruncMonth("date"))
        .values("month", "label", "currency", *selectors.RATE_FIELDS)
        .annotate(amount=Sum("amount"), first_date=Min("date"))
        .order_by()
    )
    return [
        (
            row["month"],
            MoneyGroup(
                row["label"], row["currency"], row["amount"], row["per_usd"], row["base_per_usd"], row["first_date"]
            ),
        )
        for row in grouped
    ]


def _running_money(sums: dict[date, Fraction], days: tuple[date, ...]) -> list[Fraction]:
    ordered = sorted(sums.items())
    running, index, result = ZERO, 0, []
    for day in days:
        while index < len(ordered) and ordered[index][0] <= _month(day):
            running += ordered[index][1]
            index += 1
        result.append(running)
    return result


def coverage_runs(mission: Mission) -> tuple[LineCoverage, ...]:
    """Return each service line with a current contract, by name, and its runs of coverage.

    A run starts on a contract's start whose previous day no contract of the line covers and
    ends on a contract's end whose next day none covers, as the brief chains contracts; the
    database returns only those distinct starts and ends, so rows grow with the gaps, not
    with the contracts. Like the brief's coverage, contracts of any date count.
    """
    contracts = selectors.contracts(mission)
    starts = (
        contracts.filter(_uncovered(contracts, day_before(OuterRef("start"))))
        .values_list("service_line__name", "start")
        .distinct()
        .order_by("service_line__name", "start")
    )
    ends = (
        contracts.filter(_uncovered(contracts, day_after(OuterRef("end"))))
        .values_list("service_line__name", "end")
        .distinct()
        .order_by("service_line__name", "end")
    )
    runs: dict[str, list[date]] = defaultdict(list)
    for name, start in starts:
        runs[name].append(start)
    ends_by_line: dict[str, list[date]] = defaultdict(list)
    for name, end in ends:
        ends_by_line[name].append(end)
    return tuple(
        LineCoverage(
            name, tuple(CoverageRun(start, end) for start, end in zip(runs[name], ends_by_line[name], strict=True))
        )
        for name in runs
    )


def _uncovered(contracts: QuerySet, day: Combinable) -> Exists:
    """Return whether no contract of the outer contract's line covers the day."""
    edge = ExpressionWrapper(day, output_field=DateField())
    return ~Exists(contracts.filter(service_line=OuterRef("service_line"), start__lte=edge, end__gte=edge))


def site_positions(mission: Mission) -> dict[str, tuple[Decimal, Decimal]]:
    """Return each current site's latitude and longitude, by name (a site's name is unique in its mission)."""
    return {
        name: (latitude, longitude)
        for name, latitude, longitude in selectors.sites(mission).values_list("name", "latitude", "longitude")
    }
