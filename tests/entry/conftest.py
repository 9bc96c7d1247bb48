"""Two missions with a few records of every kind, and users of every role, for the data-entry pages."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from msaada.accounts.models import Profile, Role
from msaada.finance.models import CostModel, Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.sources.models import Citation, Source


@dataclass
class World:
    """The records every data-entry test starts from, by name."""

    mss: Mission
    gsf: Mission
    records: dict[str, object]

    def __getattr__(self, name: str) -> object:
        try:
            return self.records[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def world(db) -> World:
    """MSS with one record of each kind (two deployments, of Kenya and Jamaica), and GSF with a deployment."""
    mss = Mission.objects.create(
        code="MSS", name="Multinational Security Support", host_country="HTI", lead_country="KEN"
    )
    gsf = Mission.objects.create(code="GSF", name="Gang Suppression Force", host_country="HTI", lead_country="KEN")
    ken, jam = Contributor.objects.create(code="KEN"), Contributor.objects.create(code="JAM")
    un = Organization.objects.create(key="un", name="United Nations", kind="multilateral")
    canada = Organization.objects.create(key="can-gov", name="Government of Canada", kind="government", country="CAN")
    usa = Organization.objects.create(key="us-state", name="US Department of State", kind="government", country="USA")
    fund = Fund.objects.create(mission=mss, key="mss-tf", name="MSS trust fund", manager=un, kind="trust_fund")
    line = ServiceLine.objects.create(mission=mss, name="Rations")
    site = Site.objects.create(
        mission=mss, name="Airport", kind="airport", latitude=Decimal("18.58"), longitude=Decimal("-72.29")
    )
    article = Source.objects.create(key="art-1", title="First article", publisher="The Star", kind="news")
    records = {
        "ken": ken,
        "jam": jam,
        "un": un,
        "canada": canada,
        "usa": usa,
        "fund": fund,
        "line": line,
        "site": site,
        "article": article,
        "illustrative": Source.objects.create(key="demo", title="Illustrative value", kind="illustrative"),
        "mandate": Mandate.objects.create(
            mission=mss,
            authority="S/RES/2699 (2023)",
            start=dt.date(2023, 10, 2),
            end=dt.date(2024, 10, 2),
            authorized_strength=2500,
        ),
        "status": SiteStatus.objects.create(mission=mss, site=site, date=dt.date(2024, 5, 1), status="secured"),
        "incident": Incident.objects.create(
            mission=mss,
            event_date=dt.date(2024, 3, 1),
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Gang",
            admin1="Ouest",
            location="Port-au-Prince",
            latitude=Decimal("18.54"),
            longitude=Decimal("-72.34"),
            fatalities=3,
        ),
        "pledge": Pledge.objects.create(
            mission=mss, contributor=ken, category="police", count=1000, date=dt.date(2023, 10, 2), status="pledged"
        ),
        "jam_pledge": Pledge.objects.create(
            mission=mss, contributor=jam, category="military", count=200, date=dt.date(2023, 11, 1), status="pledged"
        ),
        "deployment": Deployment.objects.create(
            mission=mss,
            contributor=ken,
            unit="First contingent",
            category="police",
            change="arrival",
            count=200,
            date=dt.date(2024, 6, 25),
        ),
        "jam_deployment": Deployment.objects.create(
            mission=mss,
            contributor=jam,
            unit="Jamaica Defence Force",
            category="military",
            change="arrival",
            count=20,
            date=dt.date(2024, 9, 12),
        ),
        "gsf_deployment": Deployment.objects.create(
            mission=gsf,
            contributor=ken,
            unit="GSF contingent",
            category="police",
            change="arrival",
            count=50,
            date=dt.date(2025, 12, 1),
        ),
        "rate": FxRate.objects.create(date=dt.date(2024, 1, 1), currency="CAD", per_usd=Decimal("1.35")),
        "flow": Flow.objects.create(
            mission=mss,
            ref="CAN-1",
            fund=fund,
            donor=canada,
            stage="pledge",
            amount=Decimal("80500000"),
            currency="CAD",
            date=dt.date(2024, 2, 22),
        ),
        "usa_flow": Flow.objects.create(
            mission=mss,
            ref="USA-1",
            fund=fund,
            donor=usa,
            stage="paid",
            amount=Decimal("9000000"),
            currency="USD",
            date=dt.date(2024, 4, 26),
        ),
        "expenditure": Expenditure.objects.create(
            mission=mss,
            fund=fund,
            budget_line="Rations",
            amount=Decimal("1250000.50"),
            currency="USD",
            date=dt.date(2024, 7, 31),
        ),
        "cost_model": CostModel.objects.create(
            mission=mss,
            name="Reimbursement",
            basis="person_month",
            rate=Decimal("1448"),
            currency="USD",
            start=dt.date(2024, 1, 1),
        ),
        "contract": Contract.objects.create(
            mission=mss,
            service_line=line,
            vendor="Vendor SA",
            funder=usa,
            start=dt.date(2024, 6, 1),
            end=dt.date(2025, 9, 30),
            value=Decimal("1000000"),
            currency="USD",
            capacity=1000,
        ),
        "asset": Asset.objects.create(
            mission=mss, kind="Armoured vehicle", owner=usa, date=dt.date(2024, 8, 1), total=20, operational=14
        ),
    }
    deployment_type = ContentType.objects.get_for_model(Deployment)
    Citation.objects.create(content_type=deployment_type, object_id=records["deployment"].pk, source=article)
    return World(mss, gsf, records)


def make_user(role: str, *missions: Mission, country: str = "", organization=None, language: str = "en"):
    """Create a user of a role on these missions."""
    user = get_user_model().objects.create_user(f"{role}-{get_user_model().objects.count()}")
    profile = Profile.objects.create(
        user=user, role=role, country=country, organization=organization, language=language
    )
    profile.missions.add(*missions)
    return user


ROLES = [role.value for role in Role]


@pytest.fixture
def user_of(world: World):
    """Return a user of a role on MSS: a liaison speaks for Kenya, a donor for the Government of Canada."""

    def make(role: str, language: str = "en"):
        scope = {"country": "KEN"} if role == Role.LIAISON else {}
        if role == Role.DONOR:
            scope = {"organization": world.canada}
        return make_user(role, world.mss, language=language, **scope)

    return make


@pytest.fixture
def client_of(user_of):
    """Return a test client logged in as a new user of a role."""

    def make(role: str, language: str = "en") -> Client:
        client = Client()
        client.force_login(user_of(role, language))
        return client

    return make
