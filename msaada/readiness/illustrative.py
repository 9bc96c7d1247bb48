"""Which inputs of a brief rest on an illustrative source: records, or the rates converting them, that cite one.

The inputs are named as `readiness.marks` reads them: `deployed:KEN`, `pledged:KEN`, `mandate`,
`flows:paid` (one per stage), `spent`, `spent_in_window`, `unpaid`, `line:<service line>`,
`site:<site>`. One query, whatever the data size.
"""

from datetime import date

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value

from msaada.finance.models import FxRate, Stage
from msaada.finance.money import needs_rate
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Mandate, Mission, SiteStatus
from msaada.readiness import selectors
from msaada.readiness.days import shift
from msaada.readiness.provenance import _cited, _contracts_used
from msaada.readiness.rows import BURN_WINDOW_DAYS
from msaada.sources.models import Citation, SourceKind


def _illustrative(cited: Q) -> Exists:
    """Return whether a current illustrative source is cited by the records `cited` names."""
    sources = Q(source__kind=SourceKind.ILLUSTRATIVE, source__archived_at__isnull=True)
    return Exists(Citation.objects.filter(sources).filter(cited))


def _money_inputs(rows: models.QuerySet, base: str, on: date | OuterRef) -> Q:
    """Return the citations of money rows and of the rates that convert them."""
    rated = selectors.with_rates(rows, base, on)
    found = _cited(rows.model, rows.values("pk"))
    for column in ["rate_pk", "base_rate_pk"] if needs_rate(base) else ["rate_pk"]:
        found |= _cited(FxRate, rated.values(column))
    return found


def _cited_one(model: type[models.Model], pk: OuterRef) -> Q:
    meta = model._meta
    return Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=pk)


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
    checks["mandate"] = _cited(Mandate, [] if mandate_pk is None else [mandate_pk])
    one = Mission.objects.filter(pk=mission.pk)
    return [_named(one.filter(_illustrative(cited)), name, Value("")) for name, cited in checks.items()]


def _named(rows: models.QuerySet, kind: str, name: F | Value) -> models.QuerySet:
    """Return the rows as the (kind, name) pairs an input is named by, for the union of every part."""
    return rows.annotate(input_kind=Value(kind), input_name=name).values("input_kind", "input_name").order_by()


def _force_inputs(mission: Mission, as_of: date) -> list[models.QuerySet]:
    # Two levels out: past the citations, to the contributor.
    mine = Q(contributor=OuterRef(OuterRef("pk")))
    deployed = selectors.deployments(mission, as_of).filter(mine).values("pk")
    pledged = selectors.latest_pledges(mission, as_of).filter(mine).values("pk")
    return [
        _named(Contributor.objects.filter(_illustrative(_cited(Deployment, deployed))), "deployed", F("code")),
        _named(Contributor.objects.filter(_illustrative(_cited(Pledge, pledged))), "pledged", F("code")),
    ]


def _ground_inputs(mission: Mission, as_of: date) -> list[models.QuerySet]:
    used = _contracts_used(mission, as_of).filter(service_line=OuterRef(OuterRef("pk")))
    lines = ServiceLine.objects.filter(mission=mission).filter(_illustrative(_cited(Contract, used)))
    shown = selectors.site_statuses(as_of).values("pk")[:1]
    sites = (
        selectors.sites(mission)
        .annotate(shown=Subquery(shown))
        .filter(_illustrative(_cited_one(SiteStatus, OuterRef("shown"))))
    )
    return [_named(lines, "line", F("name")), _named(sites, "site", F("name"))]


def illustrative_inputs(mission: Mission, as_of: date, mandate_pk: int | None) -> frozenset[str]:
    """Return the inputs of the brief of the date that rest, in whole or part, on an illustrative source."""
    first, *rest = [
        *_funding_inputs(mission, as_of, mandate_pk),
        *_force_inputs(mission, as_of),
        *_ground_inputs(mission, as_of),
    ]
    rows = first.union(*rest, all=True)
    return frozenset(f"{row['input_kind']}:{row['input_name']}".rstrip(":") for row in rows)
