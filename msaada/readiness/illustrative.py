"""Which inputs of a brief rest on an illustrative source: records, or the rates converting them, that cite one.

The inputs are named as `readiness.marks` reads them: `deployed:KEN`, `pledged:KEN`, `mandate`,
`flows:paid` (one per stage), `spent`, `spent_in_window`, `unpaid`, `line:<service line>`,
`site:<site>`, `equipment:<kind>`, `capacity:<service line>`, `incidents:<event type>`. One query,
whatever the data size. (An incident near a site carries its own mark: `ground.incidents_near`.)
"""

from datetime import date

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value

from msaada.finance.models import FxRate, Stage
from msaada.finance.money import needs_rate
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, SiteStatus
from msaada.readiness import ground, selectors
from msaada.readiness.citations import citations_of, citations_of_record, cites_illustrative
from msaada.readiness.days import shift
from msaada.readiness.provenance import _contracts_used
from msaada.readiness.rows import BURN_WINDOW_DAYS


def _money_inputs(rows: models.QuerySet, base: str, on: date | OuterRef) -> Q:
    """Return the citations of money rows and of the rates that convert them."""
    rated = selectors.with_rates(rows, base, on)
    found = citations_of(rows.model, rows.values("pk"))
    for column in ["rate_pk", "base_rate_pk"] if needs_rate(base) else ["rate_pk"]:
        found |= citations_of(FxRate, rated.values(column))
    return found


def _funding_inputs(mission: Mission, as_of: date, mandate_pk: int | None) -> list[models.QuerySet]:
    base, flows = mission.base_currency, selectors.flows(mission, as_of)
    expenditures = selectors.expenditures(mission, as_of)
    window = expenditures.filter(date__gte=shift(as_of, -(BURN_WINDOW_DAYS - 1)))
    checks = {
        f"flows:{stage}": _money_inputs(flows.filter(stage=stage), base, OuterRef("date"))
        for stage in (Stage.PLEDGE, Stage.COMMITMENT, Stage.PAID)
    }
    checks["spent"] = _money_inputs(expenditures, base, OuterRef("date"))
    checks["spent_in_window"] = _money_inputs(window, base, OuterRef("date"))
    # Unpaid commitments are converted at the rates of the date itself.
    checks["unpaid"] = _money_inputs(flows.filter(stage__in=(Stage.COMMITMENT, Stage.PAID)), base, as_of)
    checks["mandate"] = citations_of(Mandate, [] if mandate_pk is None else [mandate_pk])
    one = Mission.objects.filter(pk=mission.pk)
    return [_named(one.filter(cites_illustrative(cited)), name, Value("")) for name, cited in checks.items()]


def _named(rows: models.QuerySet, kind: str, name: F | Value) -> models.QuerySet:
    """Return the rows as the (kind, name) pairs an input is named by, for the union of every part."""
    return rows.annotate(input_kind=Value(kind), input_name=name).values("input_kind", "input_name").order_by()


def _force_inputs(mission: Mission, as_of: date) -> list[models.QuerySet]:
    # Two levels out: past the citations, to the contributor.
    mine = Q(contributor=OuterRef(OuterRef("pk")))
    deployed = selectors.deployments(mission, as_of).filter(mine).values("pk")
    pledged = selectors.latest_pledges(mission, as_of).filter(mine).values("pk")
    return [
        _named(
            Contributor.objects.filter(cites_illustrative(citations_of(Deployment, deployed))), "deployed", F("code")
        ),
        _named(Contributor.objects.filter(cites_illustrative(citations_of(Pledge, pledged))), "pledged", F("code")),
    ]


def _ground_inputs(mission: Mission, as_of: date) -> list[models.QuerySet]:
    used = _contracts_used(mission, as_of).filter(service_line=OuterRef(OuterRef("pk")))
    lines = ServiceLine.objects.filter(mission=mission).filter(cites_illustrative(citations_of(Contract, used)))
    shown = selectors.site_statuses(as_of).values("pk")[:1]
    sites = (
        selectors.sites(mission)
        .annotate(shown=Subquery(shown))
        .filter(cites_illustrative(citations_of_record(SiteStatus, OuterRef("shown"))))
    )
    # A contract of capacity 0 bounds nothing: the line's capacity does not rest on it.
    running = selectors.contracts(mission).filter(start__lte=as_of, end__gte=as_of, capacity__gt=0)
    bound = running.filter(service_line=OuterRef(OuterRef("pk"))).values("pk")
    capacities = ServiceLine.objects.filter(mission=mission).filter(cites_illustrative(citations_of(Contract, bound)))
    assets = ground.latest_assets(mission, as_of).filter(cites_illustrative(citations_of_record(Asset, OuterRef("pk"))))
    incidents = ground.window_incidents(mission, as_of).filter(
        cites_illustrative(citations_of_record(Incident, OuterRef("pk")))
    )
    return [
        _named(lines, "line", F("name")),
        _named(sites, "site", F("name")),
        _named(capacities, "capacity", F("name")),
        _named(assets, "equipment", F("kind")),
        _named(incidents, "incidents", F("event_type")),
    ]


def illustrative_inputs(mission: Mission, as_of: date, mandate_pk: int | None) -> frozenset[str]:
    """Return the inputs of the brief of the date that rest, in whole or part, on an illustrative source."""
    first, *rest = [
        *_funding_inputs(mission, as_of, mandate_pk),
        *_force_inputs(mission, as_of),
        *_ground_inputs(mission, as_of),
    ]
    rows = first.union(*rest, all=True)
    return frozenset(f"{row['input_kind']}:{row['input_name']}".rstrip(":") for row in rows)
