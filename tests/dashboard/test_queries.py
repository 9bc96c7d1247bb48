"""The dashboard, charts drawn, issues the same number of queries for ten records of each kind as for two thousand."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msaada.finance.models import Expenditure, Flow
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Site, SiteStatus
from tests import factories as s

pytestmark = pytest.mark.django_db

START = date(2024, 1, 1)
COUNTRIES = ("KEN", "JAM", "BLZ", "BHS", "GTM")
STAGES = ("pledge", "commitment", "paid")


def records(code: str, size: int):
    """A mission with `size` deployments, pledges, flows (in two currencies), expenditures and site statuses."""
    mission = s.mission(code)
    s.mandate(mission, "2024-01-01", "2025-12-31", 5000)
    days = [START + timedelta(days=index % 600) for index in range(size)]
    Deployment.objects.bulk_create(
        s.deployment(mission, COUNTRIES[index % 5], 3, on.isoformat()) for index, on in enumerate(days)
    )
    Pledge.objects.bulk_create(
        Pledge(
            mission=mission,
            contributor=s.contributor(COUNTRIES[index % 5]),
            category="police",
            count=index,
            date=on,
            status="pledged",
        )
        for index, on in enumerate(days)
    )
    Flow.objects.bulk_create(
        s.flow_event(
            mission,
            STAGES[index % 3],
            "1000.50",
            on.isoformat(),
            currency="EUR" if index % 2 else "USD",
            ref=f"C{index % 7}",
        )
        for index, on in enumerate(days)
    )
    Expenditure.objects.bulk_create(s.expenditure(mission, "250.25", on.isoformat()) for on in days)
    lines = ServiceLine.objects.bulk_create(
        ServiceLine(mission=mission, name=f"Line {index}") for index in range(max(2, size // 100))
    )
    Contract.objects.bulk_create(
        Contract(
            mission=mission,
            service_line=lines[index % len(lines)],
            vendor="V",
            funder=s.organization("us"),
            start=on,
            end=on + timedelta(days=20),
            value=Decimal(1),
            currency="USD",
            capacity=1,
        )
        for index, on in enumerate(days)
    )
    sites = Site.objects.bulk_create(
        Site(mission=mission, name=f"Site {index}", kind="base", latitude=Decimal("18.5"), longitude=Decimal("-72.3"))
        for index in range(max(2, size // 100))
    )
    SiteStatus.objects.bulk_create(
        SiteStatus(mission=mission, site=sites[index % len(sites)], date=on, status=("secured", "hostile")[index % 2])
        for index, on in enumerate(days)
    )
    return mission


def queries_of_dashboard(client, mission) -> int:
    client.force_login(s.person("observer", mission))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("dashboard", args=[mission.code]), {"as_of": "2025-09-23"})
    assert response.status_code == 200
    assert b"brief-error" not in response.content
    return len(captured.captured_queries)


def test_the_dashboard_reads_a_bounded_number_of_queries(client):
    s.rate("EUR", "2023-12-01", "0.9")
    small = queries_of_dashboard(client, records("small", 10))
    large = queries_of_dashboard(client, records("large", 2000))
    assert small == large
    assert large < 40
