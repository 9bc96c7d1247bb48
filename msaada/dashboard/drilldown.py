"""Where each figure of the dashboard leads: the list of exactly the records it rests on, whose total is the figure.

The lists filter by `counted_on` (the records the brief of the date counts, entry.counted) and by the
figure's own terms (stage, contributor, window). Only the support office sees every record of a list;
a liaison's or a donor's list holds its own records, which would not add up to a mission's figure.
"""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from msaada.forces.models import Contributor
from msaada.logistics.models import ServiceLine
from msaada.missions.models import Mission
from msaada.readiness import selectors
from msaada.readiness.days import shift
from msaada.readiness.figures import Brief
from msaada.readiness.rows import BURN_WINDOW_DAYS


def _list(mission: Mission, kind: str, **filters: object) -> str:
    return f"{reverse('record_list', args=[mission.code, kind])}?{urlencode(filters)}"


def _days_back(day: date, days: int) -> str:
    return shift(day, -(days - 1)).isoformat()


def figure_links(mission: Mission, brief: Brief) -> dict[str, str]:
    """Return, by the figure's JSON path, the address of the list of the records behind it (three queries)."""
    day = brief.as_of.isoformat()
    links = {
        "strength.deployed": _list(mission, "deployments", counted_on=day),
        "strength.pledged": _list(mission, "pledges", counted_on=day),
        "funding.spent": _list(mission, "expenditures", counted_on=day),
        "funding.daily_burn": _list(
            mission, "expenditures", counted_on=day, date_from=_days_back(brief.as_of, BURN_WINDOW_DAYS)
        ),
    }
    for stage, figure in (("pledge", "pledged"), ("commitment", "committed"), ("paid", "paid")):
        links[f"funding.{figure}"] = _list(mission, "flows", counted_on=day, stage=stage)
    codes = [row.contributor for row in brief.strength.by_contributor]
    for code, pk in Contributor.objects.filter(code__in=codes).values_list("code", "pk"):
        for figure, kind in (("deployed", "deployments"), ("pledged", "pledges")):
            links[f"strength.by_contributor.{code}.{figure}"] = _list(mission, kind, counted_on=day, contributor=pk)
    for name, pk in ServiceLine.objects.filter(mission=mission).values_list("name", "pk"):
        links[f"life_support.{name}.covered_until"] = _list(mission, "contracts", service_line=pk)
    for name, pk in selectors.sites(mission).values_list("name", "pk"):
        links[f"sites.{name}.status"] = _list(mission, "site-statuses", site=pk, date_to=day)
    return links
