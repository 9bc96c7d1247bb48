"""A reference names one record of its kind in a mission, as the import finds records by it."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from msaada.forces.models import Deployment
from tests.exchange.files import snapshot
from tests.factories import deploy

TAKEN = "Another record of this kind in this mission already has this reference."


def arrival(world, ref: str) -> dict[str, object]:
    return {
        "ref": ref,
        "contributor": world.ken.pk,
        "unit": "Second contingent",
        "category": "police",
        "change": "arrival",
        "count": "100",
        "date": "2024-08-01",
    }


def test_a_form_refuses_a_ref_another_deployment_of_the_mission_has(world, client_of):
    deploy(world.mss, "KEN", 200, "2024-06-25", ref="KEN-1")
    before = snapshot()
    response = client_of("force").post(reverse("record_new", args=["MSS", "deployments"]), arrival(world, "KEN-1"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [TAKEN]
    assert snapshot() == before


def test_the_same_ref_in_another_mission_or_an_empty_ref_is_no_clash(world, client_of):
    deploy(world.gsf, "KEN", 50, "2025-12-01", ref="KEN-1")
    deploy(world.mss, "KEN", 10, "2024-06-01")
    client = client_of("force")
    for ref in ("KEN-1", "", ""):
        assert client.post(reverse("record_new", args=["MSS", "deployments"]), arrival(world, ref)).status_code == 302
    assert Deployment.objects.filter(mission=world.mss, unit="Second contingent").count() == 3


def test_the_database_holds_the_rule_for_every_way_in(world):
    deploy(world.mss, "KEN", 200, "2024-06-25", ref="KEN-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        deploy(world.mss, "KEN", 100, "2024-08-01", ref="KEN-1")
