"""The date-bounded aggregate queries behind a mission's brief.

Each selector issues one query whatever the data size: sums, latest rows and rates are
computed by the database (aggregates, correlated subqueries), and the rows that come back
are bounded by contributors, currencies, rates, service lines, sites and mandates (one per
period), never by other records.
Archived records are left out of everything, and so are reported and rejected ones: every selector
reads the records the brief counts, `Model.objects.counted()` (core/review.py).
"""

from collections.abc import Iterable
from datetime import date
from operator import attrgetter
from typing import TypedDict, TypeVar

from django.db.models import (
    Case,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Greatest

from msaada.finance.models import Expenditure, Flow, FxRate, Stage
from msaada.finance.money import USD, needs_rate
from msaada.forces import selectors as force_selectors
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions import selectors as mandate_selectors
from msaada.missions.models import Mission, Site, SiteStatus, SiteStatusValue
from msaada.readiness.days import day_after, shift
from msaada.readiness.rows import (
    BURN_WINDOW_DAYS,
    SPENT_BEFORE_WINDOW,
    SPENT_IN_WINDOW,
    UNPAID,
    ContributorCount,
    LineRow,
    MandateRow,
    MoneyGroup,
    SiteRow,
)

Row = TypeVar("Row")

AMOUNT = Flow._meta.get_field("amount")
PER_USD = FxRate._meta.get_field("per_usd")
PK = FxRate._meta.get_field("id")
RATE_FIELDS = ("per_usd", "base_per_usd")


def mandate_as_of(mission: Mission, as_of: date) -> MandateRow | None:
    """Return the mandate in force on the date (see `missions.selectors.in_force`)."""
    row = mandate_selectors.in_force(mandate_selectors.mandates_started(mission, as_of), as_of)
    return None if row is None else MandateRow(**row, covers=row["end"] >= as_of)


def deployments(mission: Mission, as_of: date) -> QuerySet[Deployment]:
    """Return the arrivals and departures dated on or before the date."""
    return Deployment.objects.counted().filter(mission=mission, date__lte=as_of)


def deployed_as_of(mission: Mission, as_of: date) -> tuple[ContributorCount, ...]:
    """Return arrivals minus departures per contributor, by code."""
    rows = (
        deployments(mission, as_of)
        .values("contributor__code")
        .annotate(total=Sum(force_selectors.signed_count()))
        .order_by("contributor__code")
    )
    return tuple(ContributorCount(row["contributor__code"], row["total"]) for row in rows)


def pledges(mission: Mission, as_of: date) -> QuerySet[Pledge]:
    """Return the pledges dated on or before the date."""
    return Pledge.objects.counted().filter(mission=mission, date__lte=as_of)


def latest_pledges(mission: Mission, as_of: date) -> QuerySet[Pledge]:
    """Return the latest pledge dated on or before the date per contributor and category."""
    return force_selectors.latest_pledges(pledges(mission, as_of))


def pledged_as_of(mission: Mission, as_of: date) -> tuple[ContributorCount, ...]:
    """Return the personnel pledged per contributor (a withdrawn latest pledge counts zero), by code."""
    rows = (
        latest_pledges(mission, as_of)
        .values("contributor__code")
        .annotate(total=Sum(force_selectors.counted()))
        .order_by("contributor__code")
    )
    return tuple(ContributorCount(row["contributor__code"], row["total"]) for row in rows)


def flows(mission: Mission, as_of: date) -> QuerySet[Flow]:
    """Return the flow events dated on or before the date."""
    return Flow.objects.counted().filter(mission=mission, date__lte=as_of)


def expenditures(mission: Mission, as_of: date) -> QuerySet[Expenditure]:
    """Return the expenditures dated on or before the date."""
    return Expenditure.objects.counted().filter(mission=mission, date__lte=as_of)


def with_rates(rows: QuerySet, base: str, on: date | OuterRef) -> QuerySet:
    """Annotate rows with the latest rates on or before `on` that convert them to the base currency.

    `rate_pk`/`per_usd` is the rate of the row's currency, `base_rate_pk`/`base_per_usd` that of
    the base currency; each is null where the conversion needs none (USD, or a row already in
    the base currency) or where no rate is on record.
    """
    rates = FxRate.objects.counted().filter(date__lte=on).order_by("-date")
    own = rates.filter(currency=OuterRef("currency")).exclude(currency__in=[USD, base])
    rows = rows.annotate(rate_pk=Subquery(own.values("pk")[:1]), per_usd=Subquery(own.values("per_usd")[:1]))
    if not needs_rate(base):
        return rows.annotate(base_rate_pk=Value(None, output_field=PK), base_per_usd=Value(None, output_field=PER_USD))
    # The subquery's currency is the base: excluding the row's currency leaves rows in the base without one.
    of_base = rates.filter(currency=base).exclude(currency=OuterRef("currency"))
    return rows.annotate(
        base_rate_pk=Subquery(of_base.values("pk")[:1]), base_per_usd=Subquery(of_base.values("per_usd")[:1])
    )


def _groups(rows: QuerySet, label: str | None = None) -> tuple[MoneyGroup, ...]:
    return tuple(
        MoneyGroup(
            label=label or row["label"],
            currency=row["currency"],
            amount=row["amount"],
            per_usd=row["per_usd"],
            base_per_usd=row["base_per_usd"],
            first_date=row["first_date"],
        )
        for row in rows
    )


def flow_groups(mission: Mission, as_of: date) -> tuple[MoneyGroup, ...]:
    """Return flow sums per stage, currency and rates, each flow at the rates of its own date."""
    rows = (
        with_rates(flows(mission, as_of), mission.base_currency, OuterRef("date"))
        .annotate(label=F("stage"))
        .values("label", "currency", *RATE_FIELDS)
        .annotate(amount=Sum("amount"), first_date=Min("date"))
        .order_by()
    )
    return _groups(rows)


def expenditure_groups(mission: Mission, as_of: date) -> tuple[MoneyGroup, ...]:
    """Return expenditure sums per currency and rates, split at the start of the 90-day burn window."""
    window_start = shift(as_of, -(BURN_WINDOW_DAYS - 1))
    part = Case(When(date__gte=window_start, then=Value(SPENT_IN_WINDOW)), default=Value(SPENT_BEFORE_WINDOW))
    rows = (
        with_rates(expenditures(mission, as_of), mission.base_currency, OuterRef("date"))
        .annotate(label=part)
        .values("label", "currency", *RATE_FIELDS)
        .annotate(amount=Sum("amount"), first_date=Min("date"))
        .order_by()
    )
    return _groups(rows)


def unpaid_groups(mission: Mission, as_of: date) -> tuple[MoneyGroup, ...]:
    """Return per currency the sum over contributions of max(0, committed - paid), with the rates of the date.

    A contribution is a donor's flows sharing a non-empty ref and a currency (a ref is the donor's
    own: another donor paying under it pays nothing of it); a flow without a ref is one of its own.
    Each contribution is counted once, on its first flow (lowest pk).
    """
    dated = flows(mission, as_of)
    signed = Case(
        When(stage=Stage.COMMITMENT, then=F("amount")),
        When(stage=Stage.PAID, then=F("amount") * -1),
        default=Value(0),
        output_field=AMOUNT,
    )
    same = dated.filter(ref=OuterRef("ref"), donor=OuterRef("donor"), currency=OuterRef("currency"))
    net = same.order_by().values("ref").annotate(net=Sum(signed)).values("net")
    first = dated.filter(Q(ref="") | ~Exists(same.filter(pk__lt=OuterRef("pk"))))
    own_net = Case(When(ref="", then=signed), default=Subquery(net), output_field=AMOUNT)
    rows = (
        with_rates(first, mission.base_currency, as_of)
        .values("currency", *RATE_FIELDS)
        .annotate(amount=Sum(Greatest(own_net, Value(0), output_field=AMOUNT)))
        .order_by()
    )
    return tuple(
        MoneyGroup(UNPAID, row["currency"], row["amount"], row["per_usd"], row["base_per_usd"], as_of) for row in rows
    )


def coverage_as_of(mission: Mission, as_of: date) -> tuple[LineRow, ...]:
    """Return each service line with a current contract, by name, and the end of the run covering the date."""
    rows = (
        ServiceLine.objects.filter(mission=mission)
        .filter(Exists(contracts(mission).filter(service_line=OuterRef("pk"))))
        .annotate(
            covered=Exists(covering(mission, as_of, OuterRef("pk"))),
            run_end=Subquery(run_end(mission, as_of, OuterRef("pk"))),
        )
        .values("name", "covered", "run_end")
    )
    return by_code_points(LineRow(row["name"], row["run_end"] if row["covered"] else None) for row in rows)


def contracts(mission: Mission) -> QuerySet[Contract]:
    """Return the mission's contracts."""
    return Contract.objects.counted().filter(mission=mission)


def covering(mission: Mission, as_of: date, line: OuterRef) -> QuerySet[Contract]:
    """Return the line's contracts running on the date."""
    return contracts(mission).filter(service_line=line, start__lte=as_of, end__gte=as_of)


class ContractEnd(TypedDict):
    """A contract's end, alone: the row of `.values("end")`."""

    end: date


def run_end(mission: Mission, as_of: date, line: OuterRef) -> QuerySet[Contract, ContractEnd]:
    """Return the last day of the line's first run of contracts that ends on or after the date, as one value.

    A run ends on a contract's end whose next day no contract of the line covers (contracts
    that overlap or touch chain together), so the earliest such end on or after the date is
    the end of the run covering the date, when one covers it.
    """
    next_day = day_after(OuterRef("end"))
    continued = contracts(mission).filter(service_line=OuterRef("service_line"), start__lte=next_day, end__gte=next_day)
    ends = contracts(mission).filter(service_line=line, end__gte=as_of).filter(~Exists(continued))
    return ends.order_by("end").values("end")[:1]


def site_statuses(as_of: date) -> QuerySet[SiteStatus]:
    """Return a site's statuses dated on or before the date, latest first (same date: higher pk)."""
    return SiteStatus.objects.counted().filter(site=OuterRef("pk"), date__lte=as_of).order_by("-date", "-pk")


def sites(mission: Mission) -> QuerySet[Site]:
    """Return the mission's sites."""
    return Site.objects.counted().filter(mission=mission)


def sites_as_of(mission: Mission, as_of: date) -> tuple[SiteRow, ...]:
    """Return every site by name with its latest status and its latest secured or reopened status by the date."""
    statuses = site_statuses(as_of)
    held = statuses.filter(status__in=[SiteStatusValue.SECURED, SiteStatusValue.REOPENED])
    rows = (
        sites(mission)
        .annotate(
            now=Subquery(statuses.values("status")[:1]),
            since=Subquery(statuses.values("date")[:1]),
            held_status=Subquery(held.values("status")[:1]),
            held_since=Subquery(held.values("date")[:1]),
        )
        .values("name", "kind", "now", "since", "held_status", "held_since")
    )
    return by_code_points(
        SiteRow(row["name"], row["kind"], row["now"], row["since"], row["held_status"], row["held_since"])
        for row in rows
    )


def by_code_points(rows: Iterable[Row], attribute: str = "name") -> tuple[Row, ...]:
    """Return the rows by an attribute's text in code-point order, the same on every database.

    A database orders text by its collation, which differs between SQLite and a PostgreSQL
    cluster's locale; the brief must list lines, sites and sources alike everywhere. The rows
    are bounded by service lines, sites and sources, so sorting them here costs nothing.
    """
    return tuple(sorted(rows, key=attrgetter(attribute)))
