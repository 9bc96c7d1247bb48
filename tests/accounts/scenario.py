"""Two missions, alpha and bravo, with a record of every kind: what the scoping tests look at.

Alpha has Kenyan and Jamaican pledges and deployments and flows from Canada and the United States;
bravo has Kenyan ones and Canadian money too, so a filter that forgets the mission, the country
or the donor shows up as a record too many.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser

from msaada.accounts.models import Profile
from msaada.finance.models import CostModel, Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.sources.models import Source

DAY = date(2025, 9, 1)

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
    ServiceLine,
    Contract,
    Asset,
]
SHARED = [Organization, FxRate, Source, Contributor]


def organization(key: str) -> Organization:
    return Organization.objects.get_or_create(key=key, defaults={"name": key.title(), "kind": "government"})[0]


def contributor(code: str) -> Contributor:
    return Contributor.objects.get_or_create(code=code)[0]


def force(mission: Mission, country: str) -> None:
    Pledge.objects.create(
        mission=mission, contributor=contributor(country), category="police", count=100, date=DAY, status="pledged"
    )
    Deployment.objects.create(
        mission=mission,
        contributor=contributor(country),
        unit="first",
        category="police",
        change="arrival",
        count=50,
        date=DAY,
    )


def money(mission: Mission, fund: Fund, donor: str) -> None:
    Flow.objects.create(
        mission=mission,
        fund=fund,
        donor=organization(donor),
        stage="paid",
        amount=Decimal("1000"),
        currency="USD",
        date=DAY,
    )


def ground(mission: Mission) -> None:
    site = Site.objects.create(
        mission=mission, name="Airport", kind="airport", latitude=Decimal("18.58"), longitude=Decimal("-72.29")
    )
    SiteStatus.objects.create(mission=mission, site=site, date=DAY, status="secured")
    Incident.objects.create(
        mission=mission,
        event_date=DAY,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Gang",
        admin1="Ouest",
        location="Port-au-Prince",
        latitude=Decimal("18.54"),
        longitude=Decimal("-72.34"),
        fatalities=0,
    )


def support(mission: Mission, fund: Fund) -> None:
    line = ServiceLine.objects.create(mission=mission, name="rations")
    Contract.objects.create(
        mission=mission,
        service_line=line,
        vendor="Vendor",
        funder=organization("us"),
        start=DAY,
        end=DAY,
        value=Decimal("10"),
        currency="USD",
        capacity=10,
    )
    Asset.objects.create(mission=mission, kind="vehicle", owner=organization("us"), date=DAY, total=4, operational=3)
    Expenditure.objects.create(
        mission=mission, fund=fund, budget_line="rations", amount=Decimal("10"), currency="USD", date=DAY
    )
    CostModel.objects.create(
        mission=mission, name="reimbursement", basis="person_month", rate=Decimal("1448"), currency="USD", start=DAY
    )


def mission(code: str) -> Mission:
    """Return a mission with a mandate, a fund, sites, an incident, life support and spending."""
    created = Mission.objects.create(
        code=code, name=f"Mission {code}", host_country="HTI", lead_country="KEN", base_currency="USD"
    )
    Mandate.objects.create(mission=created, authority=f"Resolution {code}", start=DAY, end=DAY, authorized_strength=1)
    fund = Fund.objects.create(
        mission=created, key="trust", name="Trust fund", manager=organization("un"), kind="trust_fund"
    )
    ground(created)
    support(created, fund)
    return created


def two_missions() -> tuple[Mission, Mission]:
    """Build alpha and bravo as the module docstring says; alpha also has an archived Kenyan pledge."""
    alpha, bravo = mission("alpha"), mission("bravo")
    force(alpha, "KEN")
    force(alpha, "JAM")
    force(bravo, "KEN")
    Pledge.objects.filter(mission=alpha, contributor__code="KEN").get().archive()
    force(alpha, "KEN")
    money(alpha, alpha.fund_set.get(), "canada")
    money(alpha, alpha.fund_set.get(), "us")
    money(bravo, bravo.fund_set.get(), "canada")
    FxRate.objects.create(currency="EUR", date=DAY, per_usd=Decimal("0.9"))
    Source.objects.create(key="report", title="A report", kind="report")
    return alpha, bravo


def person(
    username: str,
    role: str | None,
    *missions: Mission,
    country: str = "",
    organization: str = "",
    superuser: bool = False,
) -> AbstractBaseUser:
    """Return a user with a profile of this role on these missions (no profile when role is None)."""
    user = get_user_model().objects.create_user(username, is_superuser=superuser, is_staff=superuser)
    if role is not None:
        donor = Organization.objects.get(key=organization) if organization else None
        profile = Profile.objects.create(user=user, role=role, country=country, organization=donor)
        profile.missions.set(missions)
    return user
