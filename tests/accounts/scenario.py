"""Two missions, alpha and bravo, with a record of every kind: what the scoping tests look at.

Alpha has Kenyan and Jamaican pledges and deployments and flows from Canada and the United States;
bravo has Kenyan ones and Canadian money too, so a filter that forgets the mission, the country
or the donor shows up as a record too many.
"""

from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from msaada.sources.models import Source
from tests import factories as f

DAY = "2025-09-01"

MISSION_BOUND = [
    Mandate,
    Site,
    SiteStatus,
    Incident,
    Pledge,
    Deployment,
    Fund,
    Flow,
    Expenditure,
    CostModel,
    CostLine,
    Scenario,
    Target,
    PlannedFlow,
    PlannedContract,
    ServiceLine,
    Contract,
    Asset,
]
SHARED = [Organization, FxRate, Source, Contributor]


def force(mission: Mission, country: str) -> None:
    f.pledge(mission, country, 100, DAY)
    f.deploy(mission, country, 50, DAY)


def mission(code: str) -> Mission:
    """Return a mission with a mandate, a fund, sites, an incident, life support and spending."""
    created = f.mission(code, name=f"Mission {code}")
    f.mandate(created, DAY, DAY, strength=1, authority=f"Resolution {code}")
    f.status(f.site(created, "Airport"), DAY, "secured")
    f.incident(created, DAY)
    f.contract(created, "rations", DAY, DAY)
    f.asset(created, DAY, total=4, operational=3)
    f.spend(created, "10", DAY)
    plan = f.scenario(created, DAY, cost_model=f.cost_line(f.cost_model(created, DAY), "1428").cost_model)
    f.target(plan, "KEN", 100, DAY)
    f.planned_flow(plan, "10", DAY)
    f.planned_contract(plan, "rations", DAY, DAY)
    return created


def two_missions() -> tuple[Mission, Mission]:
    """Build alpha and bravo as the module docstring says; alpha also has an archived Kenyan pledge."""
    alpha, bravo = mission("alpha"), mission("bravo")
    force(alpha, "KEN")
    force(alpha, "JAM")
    force(bravo, "KEN")
    Pledge.objects.filter(mission=alpha, contributor__code="KEN").get().archive()
    force(alpha, "KEN")
    f.flow(alpha, "paid", "1000", DAY, donor="canada")
    f.flow(alpha, "paid", "1000", DAY, donor="us")
    f.flow(bravo, "paid", "1000", DAY, donor="canada")
    f.rate("EUR", DAY, "0.9")
    Source.objects.create(key="report", title="A report", kind="report")
    return alpha, bravo
