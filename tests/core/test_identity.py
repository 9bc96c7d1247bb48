"""A record's identity is filled by saving it, whichever app saves it and whatever signals are connected."""

import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.db.models.signals import pre_save

from msaada.finance.models import Flow, Fund, Organization
from msaada.forces.models import Contributor, Deployment
from msaada.missions.models import Mission, Site

pytestmark = pytest.mark.django_db


def sha1(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()


@pytest.fixture
def no_save_signals() -> Iterator[None]:
    """Disconnect every pre_save receiver, as if no app (the exchange format above all) had connected one."""
    receivers = pre_save.receivers
    pre_save.receivers = []
    pre_save.sender_receivers_cache.clear()
    yield
    pre_save.receivers = receivers
    pre_save.sender_receivers_cache.clear()


@pytest.fixture
def mission(no_save_signals) -> Mission:
    return Mission.objects.create(code="MSS", name="MSS", host_country="HTI", lead_country="KEN")


def test_a_record_with_a_natural_key_is_identified_by_it(mission) -> None:
    site = Site.objects.create(
        mission=mission, name="Airport", kind="airport", latitude=Decimal("18.58"), longitude=Decimal("-72.29")
    )
    assert site.identity == sha1("sites", "key", "Airport")
    assert mission.identity == sha1("missions", "key", "MSS")


def test_a_record_without_key_or_ref_is_identified_by_its_content_with_references_by_their_key(mission) -> None:
    kenya = Contributor.objects.create(code="KEN")
    arrival = Deployment.objects.create(
        mission=mission,
        contributor=kenya,
        unit="1st",
        category="police",
        change="arrival",
        count=400,
        date=dt.date(2024, 6, 25),
    )
    assert arrival.identity == sha1("deployments", "row", "KEN", "1st", "police", "arrival", "400", "2024-06-25")


def test_a_flow_with_a_ref_is_identified_by_its_ref_stage_and_date_and_an_edit_moves_it(mission) -> None:
    un = Organization.objects.create(key="un", name="United Nations", kind="multilateral")
    fund = Fund.objects.create(mission=mission, key="tf", name="Trust fund", manager=un, kind="trust_fund")
    flow = Flow.objects.create(
        mission=mission,
        ref="C-1",
        fund=fund,
        donor=un,
        stage="paid",
        amount=Decimal("12.50"),
        currency="USD",
        date=dt.date(2024, 3, 1),
    )
    assert flow.identity == sha1("flows", "ref", "C-1", "paid", "2024-03-01")
    flow.stage = "commitment"
    flow.save()
    flow.refresh_from_db()
    assert flow.identity == sha1("flows", "ref", "C-1", "commitment", "2024-03-01")
