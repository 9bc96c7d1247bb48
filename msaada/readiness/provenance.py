"""The sources behind a brief: every source cited by a record that fed one of its figures."""

import operator
from datetime import date
from functools import reduce

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery

from msaada.finance.models import Expenditure, Flow, FxRate
from msaada.finance.money import needs_rate
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Asset, Contract
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.readiness import ground, selectors
from msaada.readiness.citations import citations_of
from msaada.readiness.rows import SourceRow
from msaada.sources.models import Citation, Claim, Source


def _rates_used(mission: Mission, as_of: date) -> list[models.QuerySet]:
    """Return queries of the pks of the rates the conversions use (each row's date, and the date itself)."""
    base = mission.base_currency
    rated = [
        selectors.with_rates(selectors.flows(mission, as_of), base, OuterRef("date")),
        selectors.with_rates(selectors.expenditures(mission, as_of), base, OuterRef("date")),
        selectors.with_rates(selectors.flows(mission, as_of), base, as_of),
    ]
    columns = ["rate_pk", "base_rate_pk"] if needs_rate(base) else ["rate_pk"]
    return [rows.values(column) for rows in rated for column in columns]


def _contracts_used(mission: Mission, as_of: date) -> models.QuerySet:
    """Return the pks of the contracts in the run covering the date, on each line."""
    line = OuterRef("service_line")
    return (
        selectors.contracts(mission)
        .filter(Exists(selectors.covering(mission, as_of, line)), end__gte=as_of)
        .filter(start__lte=Subquery(selectors.run_end(mission, as_of, line)))
        .values("pk")
    )


def _records_used(mission: Mission, as_of: date, mandate_pk: int | None) -> Q:
    shown_statuses = (
        selectors.sites(mission)
        .annotate(status_pk=Subquery(selectors.site_statuses(as_of).values("pk")[:1]))
        .values("status_pk")
    )
    used = [
        citations_of(Mission, [mission.pk]),
        citations_of(Deployment, selectors.deployments(mission, as_of).values("pk")),
        citations_of(Pledge, selectors.latest_pledges(mission, as_of).values("pk")),
        citations_of(Flow, selectors.flows(mission, as_of).values("pk")),
        citations_of(Expenditure, selectors.expenditures(mission, as_of).values("pk")),
        *(citations_of(FxRate, pks) for pks in _rates_used(mission, as_of)),
        citations_of(Contract, _contracts_used(mission, as_of)),
        citations_of(Site, selectors.sites(mission).values("pk")),
        citations_of(SiteStatus, shown_statuses),
        citations_of(Asset, ground.latest_assets(mission, as_of).values("pk")),
        citations_of(Incident, ground.window_incidents(mission, as_of).values("pk")),
        citations_of(Claim, Claim.objects.current().filter(mission=mission).values("pk")),
    ]
    if mandate_pk is not None:
        used.append(citations_of(Mandate, [mandate_pk]))
    return reduce(operator.or_, used)


def sources_as_of(mission: Mission, as_of: date, mandate_pk: int | None) -> tuple[SourceRow, ...]:
    """Return, by key, every current source cited by a record that fed the brief of the date."""
    citing = Citation.objects.filter(source=OuterRef("pk")).filter(_records_used(mission, as_of, mandate_pk))
    rows = Source.objects.current().filter(Exists(citing)).values("key", "title", "publisher", "date", "kind", "url")
    return selectors.by_code_points(
        (
            SourceRow(row["key"], row["title"], row["publisher"] or None, row["date"], row["kind"], row["url"] or None)
            for row in rows
        ),
        "key",
    )
