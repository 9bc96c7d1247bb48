"""The aggregate queries behind a plan: the scenario's rows and the mission's records dated before its start.

Each selector issues a fixed number of queries whatever the data size; the rows that come back are
bounded by contributors and categories, funds, currencies, cost lines, service lines and mandates, or
are the scenario's own rows. Every record read is one the brief counts (`counted()`: current, and of a
reviewed kind only the confirmed), dated on or before the day before the start.
"""

import operator
from collections import defaultdict
from datetime import date
from fractions import Fraction
from functools import reduce

from django.db.models import Exists, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from msaada.finance.models import FxRate, Stage
from msaada.forces import selectors as force_selectors
from msaada.forces.models import Change
from msaada.logistics.models import Contract
from msaada.missions import selectors as mandate_selectors
from msaada.missions.models import Mission
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target, channel_of
from msaada.readiness import provenance, selectors
from msaada.readiness.citations import citations_of
from msaada.readiness.days import shift
from msaada.readiness.money import check_rates, to_base
from msaada.readiness.plan.derived import derived_targets
from msaada.readiness.plan.engine import mandate_running
from msaada.readiness.plan.rows import (
    ContractRow,
    CostLineRow,
    ForceHistory,
    FundCash,
    MandateSpan,
    PairCount,
    PlanInputs,
    PlannedPayment,
    Rate,
    TargetRow,
)
from msaada.readiness.rows import MoneyGroup, SourceRow
from msaada.sources.models import Citation, Source


class PlanInputError(ValueError):
    """A plan that cannot be read: no such scenario, no cost model, no end."""


def scenario_named(mission: Mission, name: str) -> Scenario:
    """Return the mission's current scenario of that name, or raise PlanInputError."""
    scenario = Scenario.objects.counted().filter(mission=mission, name=name).select_related("cost_model").first()
    if scenario is None:
        raise PlanInputError(_("no scenario named %(name)r in mission %(code)s") % {"name": name, "code": mission.code})
    return scenario


def cost_model_for(mission: Mission, start: date, named: CostModel | None) -> CostModel:
    """Return the named cost model, else the mission's latest effective on or before the start."""
    if named is not None:
        return named
    model = (
        CostModel.objects.counted().filter(mission=mission, effective__lte=start).order_by("-effective", "-pk").first()
    )
    if model is None:
        raise PlanInputError(
            _("mission %(code)s has no cost model effective on or before %(start)s")
            % {"code": mission.code, "start": start.isoformat()}
        )
    return model


def mandates(mission: Mission, start: date) -> tuple[MandateSpan, ...]:
    """Return the mandates started on or before the start: the one running on it and those before."""
    return tuple(
        MandateSpan(row["pk"], row["start"], row["end"], row["authorized_strength"])
        for row in mandate_selectors.mandates_started(mission, start)
    )


def plan_end(mission: Mission, start: date, end: date | None, spans: tuple[MandateSpan, ...]) -> date:
    """Return the end given, else the end of the mandate running on the start, or raise PlanInputError."""
    if end is not None:
        return end
    running = mandate_running(spans, start)
    if running is None:
        raise PlanInputError(
            _("no mandate of mission %(code)s runs on %(start)s: give the plan an end")
            % {"code": mission.code, "start": start.isoformat()}
        )
    return running.end


def cost_lines(model: CostModel) -> tuple[CostLineRow, ...]:
    """Return the cost model's lines, by budget line."""
    rows = (
        CostLine.objects.counted()
        .filter(cost_model=model)
        .order_by("budget_line", "pk")
        .values(
            "budget_line",
            "basis",
            "amount",
            "currency",
            "channel",
            "rotation_months",
            "service_line__name",
            "lead_days",
        )
    )
    return tuple(
        CostLineRow(
            budget_line=row["budget_line"],
            basis=row["basis"],
            amount=row["amount"],
            currency=row["currency"],
            channel=row["channel"],
            rotation_months=row["rotation_months"],
            service_line=row["service_line__name"],
            lead_days=(row["lead_days"] or 0) if row["service_line__name"] is not None else None,
        )
        for row in rows
    )


def planning_rates(before: date, currencies: set[str]) -> tuple[Rate, ...]:
    """Return each currency's latest rate on or before the day (same date: the later recorded)."""
    rates = FxRate.objects.counted().filter(date__lte=before)
    latest = rates.filter(currency=OuterRef("currency")).order_by("-date", "-pk").values("pk")[:1]
    rows = rates.filter(currency__in=currencies, pk=Subquery(latest)).values("currency", "date", "per_usd")
    return tuple(sorted((Rate(row["currency"], row["date"], row["per_usd"]) for row in rows), key=lambda r: r.currency))


def deployed_by_pair(mission: Mission, before: date) -> tuple[PairCount, ...]:
    """Return arrivals minus departures dated on or before the day, per contributor and category."""
    rows = (
        selectors.deployments(mission, before)
        .values("contributor__code", "category")
        .annotate(total=Sum(force_selectors.signed_count()))
        .order_by("contributor__code", "category")
    )
    return tuple(PairCount(row["contributor__code"], row["category"], row["total"]) for row in rows)


def targets(scenario: Scenario) -> tuple[TargetRow, ...]:
    """Return the scenario's targets by date, of one date in the order recorded."""
    rows = (
        Target.objects.counted()
        .filter(scenario=scenario)
        .order_by("date", "pk")
        .values("contributor__code", "category", "date", "strength")
    )
    return tuple(TargetRow(row["contributor__code"], row["category"], row["date"], row["strength"]) for row in rows)


def _fund_groups(rows: QuerySet, base: str) -> list[tuple[str, str, MoneyGroup]]:
    """Return per fund, currency and rates the sum of the rows, each at the rates of its own date."""
    grouped = (
        selectors.with_rates(rows, base, OuterRef("date"))
        .values("fund__key", "fund__kind", "currency", *selectors.RATE_FIELDS)
        .annotate(amount=Sum("amount"), first_date=Min("date"))
        .order_by()
    )
    return [
        (
            row["fund__key"],
            row["fund__kind"],
            MoneyGroup("", row["currency"], row["amount"], row["per_usd"], row["base_per_usd"], row["first_date"]),
        )
        for row in grouped
    ]


def cash_by_fund(mission: Mission, before: date) -> tuple[FundCash, ...]:
    """Return each fund's paid minus spent as of the day, in the base currency, as the brief's cash counts it."""
    base = mission.base_currency
    paid = _fund_groups(selectors.flows(mission, before).filter(stage=Stage.PAID), base)
    spent = _fund_groups(selectors.expenditures(mission, before), base)
    check_rates([group for _key, _kind, group in (*paid, *spent)], base)
    cash: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    for sign, groups in ((1, paid), (-1, spent)):
        for key, kind, group in groups:
            cash[(key, kind)] += sign * to_base(group, base)
    return tuple(FundCash(key, channel_of(kind), amount) for (key, kind), amount in sorted(cash.items()))


def planned_payments(scenario: Scenario, start: date, end: date) -> tuple[PlannedPayment, ...]:
    """Return the scenario's planned flows of stage paid dated from the start to the end, summed per day."""
    rows = (
        PlannedFlow.objects.counted()
        .filter(scenario=scenario, stage=Stage.PAID, date__gte=start, date__lte=end)
        .values("fund__kind", "currency", "date")
        .annotate(total=Sum("amount"))
        .order_by("date", "fund__kind", "currency")
    )
    return tuple(
        PlannedPayment(channel_of(row["fund__kind"]), row["total"], row["currency"], row["date"]) for row in rows
    )


def contracts_for(
    mission: Mission, scenario: Scenario | None, names: set[str], start: date, end: date
) -> tuple[ContractRow, ...]:
    """Return the capacities of the lines' recorded contracts started before the start and of the planned ones.

    Contracts of one line and period are summed, and only those running at some day of the plan are read.
    """
    running = Q(service_line__name__in=names, start__lte=end, end__gte=start)
    recorded = Contract.objects.counted().filter(running, mission=mission, start__lt=start)
    sets = [recorded]
    if scenario is not None:
        sets.append(PlannedContract.objects.counted().filter(running, scenario=scenario))
    rows = [
        row
        for contracts in sets
        for row in contracts.values("service_line__name", "start", "end").annotate(total=Sum("capacity")).order_by()
    ]
    contracts = (ContractRow(row["service_line__name"], row["start"], row["end"], row["total"]) for row in rows)
    return tuple(sorted(contracts, key=lambda row: (row.service_line, row.start, row.end, row.capacity)))


def force_history(mission: Mission, before: date) -> ForceHistory:
    """Return each pair's latest pledge (withdrawn counts 0) and each contributor's first pledge and first arrival."""
    latest = (
        selectors.latest_pledges(mission, before)
        .annotate(counted=force_selectors.counted())
        .values("contributor__code", "category", "date", "counted")
        .order_by("contributor__code", "category")
    )
    first_pledge = selectors.pledges(mission, before).values("contributor__code").annotate(first=Min("date")).order_by()
    first_arrival = (
        selectors.deployments(mission, before)
        .filter(change=Change.ARRIVAL)
        .values("contributor__code")
        .annotate(first=Min("date"))
        .order_by()
    )
    return ForceHistory(
        pledged=tuple(
            (PairCount(row["contributor__code"], row["category"], row["counted"]), row["date"]) for row in latest
        ),
        first_pledge=tuple(sorted((row["contributor__code"], row["first"]) for row in first_pledge)),
        first_arrival=tuple(sorted((row["contributor__code"], row["first"]) for row in first_arrival)),
    )


def plan_sources(
    mission: Mission, before: date, mandate_pk: int | None, model: CostModel, scenario: Scenario | None
) -> tuple[SourceRow, ...]:
    """Return, by key, the sources behind the records the plan starts from and behind its cost model and scenario."""
    cited = [
        citations_of(CostModel, [model.pk]),
        citations_of(CostLine, CostLine.objects.counted().filter(cost_model=model).values("pk")),
    ]
    if scenario is not None:
        cited.append(citations_of(Scenario, [scenario.pk]))
        cited.extend(
            citations_of(rows, rows.objects.counted().filter(scenario=scenario).values("pk"))
            for rows in (Target, PlannedFlow, PlannedContract)
        )
    citing = Citation.objects.filter(source=OuterRef("pk")).filter(reduce(operator.or_, cited))
    rows = Source.objects.current().filter(Exists(citing)).values("key", "title", "publisher", "date", "kind", "url")
    own = {
        row["key"]: SourceRow(
            row["key"], row["title"], row["publisher"] or None, row["date"], row["kind"], row["url"] or None
        )
        for row in rows
    }
    records = {row.key: row for row in provenance.sources_as_of(mission, before, mandate_pk)}
    return selectors.by_code_points((records | own).values(), "key")


def read_plan_inputs(
    mission: Mission,
    *,
    scenario: str | None = None,
    derived: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> PlanInputs:
    """Read a named scenario (its start and end unless given) or a derived one (start required) for the mission.

    Raise PlanInputError when the scenario, its cost model or its end cannot be found, and MissingRateError
    when an amount has no rate on or before its date.
    """
    named = scenario_named(mission, scenario) if scenario is not None else None
    if named is not None:
        start = start or named.start
        end = end or named.end
    if start is None:
        raise PlanInputError(_("a derived plan needs a start"))
    before = shift(start, -1)
    spans = mandates(mission, start)
    end = plan_end(mission, start, end, spans)
    model = cost_model_for(mission, start, named.cost_model if named is not None else None)
    lines = cost_lines(model)
    deployed = deployed_by_pair(mission, before)
    if named is not None:
        plan_targets = targets(named)
        payments = planned_payments(named, start, end)
    else:
        plan_targets = derived_targets(derived or "hold", start, force_history(mission, before), deployed)
        payments = ()
    currencies = {line.currency for line in lines} | {row.currency for row in payments} | {mission.base_currency}
    in_force = mandate_running(spans, before)
    return PlanInputs(
        mission=mission.code,
        scenario=named.name if named is not None else str(derived),
        currency=mission.base_currency,
        start=start,
        end=end,
        cost_model=model.key,
        rates=planning_rates(before, currencies),
        lines=lines,
        deployed=deployed,
        targets=plan_targets,
        cash=cash_by_fund(mission, before),
        payments=payments,
        contracts=contracts_for(mission, named, {line.service_line for line in lines if line.service_line}, start, end),
        mandates=spans,
        derived=None if named is not None else derived,
        sources=plan_sources(mission, before, in_force.pk if in_force else None, model, named),
    )
