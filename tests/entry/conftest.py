"""Two missions with a few records of every kind, and users of every role, for the data-entry pages."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from msaada.accounts.models import Role
from msaada.finance.models import Expenditure, Flow, Fund
from msaada.forces.models import Deployment
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Mission
from msaada.sources.models import Citation, Claim, Source
from tests.factories import (
    asset,
    contributor,
    cost_line,
    cost_model,
    deploy,
    incident,
    mandate,
    mission,
    organization,
    person,
    planned_contract,
    planned_flow,
    pledge,
    rate,
    scenario,
    site,
    status,
    target,
)


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
    mss = mission("MSS")
    gsf = mission("GSF", name="Gang Suppression Force")
    ken, jam = contributor("KEN"), contributor("JAM")
    un = organization("un", name="United Nations", kind="multilateral")
    canada = organization("can-gov", name="Government of Canada", country="CAN")
    usa = organization("us-state", name="US Department of State", country="USA")
    fund = Fund.objects.create(mission=mss, key="mss-tf", name="MSS trust fund", manager=un, kind="trust_fund")
    line = ServiceLine.objects.create(mission=mss, name="Rations")
    airport = site(mss, "Airport")
    article = Source.objects.create(key="art-1", title="First article", publisher="The Star", kind="news")
    records = {
        "ken": ken,
        "jam": jam,
        "un": un,
        "canada": canada,
        "usa": usa,
        "fund": fund,
        "line": line,
        "site": airport,
        "article": article,
        "illustrative": Source.objects.create(key="demo", title="Illustrative value", kind="illustrative"),
        "mandate": mandate(mss, "2023-10-02", "2024-10-02", strength=2500, authority="S/RES/2699 (2023)"),
        "status": status(airport, "2024-05-01", "secured"),
        "incident": incident(mss, "2024-03-01", fatalities=3),
        "pledge": pledge(mss, "KEN", 1000, "2023-10-02"),
        "jam_pledge": pledge(mss, "JAM", 200, "2023-11-01", category="military"),
        "deployment": deploy(mss, "KEN", 200, "2024-06-25", unit="First contingent"),
        "jam_deployment": deploy(mss, "JAM", 20, "2024-09-12", category="military", unit="Jamaica Defence Force"),
        "gsf_deployment": deploy(gsf, "KEN", 50, "2025-12-01", unit="GSF contingent"),
        "rate": rate("CAD", "2024-01-01", "1.35"),
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
        "cost_model": cost_model(mss, "2024-01-01", name="Reimbursement"),
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
        "asset": asset(mss, "2024-08-01", total=20, operational=14, kind="Armoured vehicle", owner=usa),
    }
    records["cost_line"] = cost_line(records["cost_model"], "1428", budget_line="Reimbursement")
    records["scenario"] = scenario(mss, "2024-10-01", name="build-up", cost_model=records["cost_model"])
    records["target"] = target(records["scenario"], "KEN", 1500, "2025-01-01")
    records["planned_flow"] = planned_flow(records["scenario"], "5000000", "2024-11-01", into=fund)
    records["planned_contract"] = planned_contract(records["scenario"], "Rations", "2024-11-01", "2025-10-31", 2500)
    deployment_type = ContentType.objects.get_for_model(Deployment)
    Citation.objects.create(content_type=deployment_type, object_id=records["deployment"].pk, source=article)
    claim = Claim(mission=mss, file="mandates", record="S/RES/2699 (2023)", field="end", value="2024-10-01")
    claim.full_clean()  # finds the mandate it is about
    claim.save()
    records["claim"] = claim
    return World(mss, gsf, records)


ROLES = [role.value for role in Role]


@pytest.fixture
def user_of(world: World):
    """Return a user of a role on MSS: a liaison speaks for Kenya, a donor for the Government of Canada."""

    def make(role: str, language: str = "en"):
        scope = {"country": "KEN"} if role == Role.LIAISON else {}
        if role == Role.DONOR:
            scope = {"organization": world.canada}
        return person(role, world.mss, language=language, **scope)

    return make


@pytest.fixture
def client_of(user_of):
    """Return a test client logged in as a new user of a role."""

    def make(role: str, language: str = "en") -> Client:
        client = Client()
        client.force_login(user_of(role, language))
        return client

    return make
