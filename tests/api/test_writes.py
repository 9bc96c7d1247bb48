"""Writes through the API: allowed and refused per role, checked as the form checks them, through the one gate."""

import pytest
from django.urls import reverse

from msaada.accounts.models import Role
from msaada.core.review import ReviewState
from msaada.forces.models import Deployment, Pledge
from tests.exchange.files import snapshot

pytestmark = pytest.mark.django_db

PLEDGE = {"mission": "MSS", "contributor": "KEN", "category": "police", "count": 150, "date": "2024-03-01"}


def test_a_force_officer_records_a_pledge_with_history_against_it(world, api_of):
    client, officer = api_of(Role.FORCE)
    answer = client.post("/api/v1/pledges", {**PLEDGE, "status": "pledged", "sources": ["art-1"]}, format="json")
    assert answer.status_code == 201, answer.content
    pledge = Pledge.objects.get(pk=answer.json()["id"])
    assert (pledge.contributor, pledge.count, pledge.review_state) == (world.ken, 150, ReviewState.CONFIRMED)
    assert pledge.history.latest().history_user == officer
    assert answer.json()["sources"] == ["art-1"]


def test_a_liaisons_pledge_is_reported_for_its_own_country(world, api_of):
    client, liaison = api_of(Role.LIAISON)
    body = {"mission": "MSS", "category": "police", "count": 40, "date": "2024-03-01", "status": "pledged"}
    answer = client.post("/api/v1/pledges", {**body, "sources": ["art-1"]}, format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["contributor"] == "KEN"
    assert answer.json()["review_state"] == ReviewState.REPORTED
    assert Pledge.objects.get(pk=answer.json()["id"]).reported_by == liaison


def test_a_liaison_may_not_choose_the_country_nor_report_without_a_source(world, api_of):
    client, _user = api_of(Role.LIAISON)
    before = snapshot()
    body = {"mission": "MSS", "category": "police", "count": 40, "date": "2024-03-01", "status": "pledged"}
    answer = client.post("/api/v1/pledges", {**body, "contributor": "JAM", "sources": ["art-1"]}, format="json")
    assert answer.status_code == 400
    assert answer.json()["errors"] == [{"field": "contributor", "problem": "not a field you may write"}]
    answer = client.post("/api/v1/pledges", body, format="json")
    assert answer.json()["errors"] == [{"field": "sources", "problem": "This field is required."}]
    assert snapshot() == before


def test_a_role_that_does_not_keep_a_kind_is_forbidden_and_one_that_does_not_see_it_not_found(world, api_of):
    before = snapshot()
    logistics, _user = api_of(Role.LOGISTICS)
    assert logistics.post("/api/v1/pledges", {**PLEDGE, "status": "pledged"}, format="json").status_code == 403
    observer, _user = api_of(Role.OBSERVER)
    assert observer.post("/api/v1/pledges", {**PLEDGE, "status": "pledged"}, format="json").status_code == 404
    donor, _user = api_of(Role.DONOR)
    assert donor.patch(f"/api/v1/flows/{world.usa_flow.pk}", {"amount": "1"}, format="json").status_code == 404
    assert donor.delete(f"/api/v1/flows/{world.usa_flow.pk}").status_code == 404
    assert snapshot() == before


def test_a_bad_write_is_refused_in_the_forms_words_and_writes_nothing(world, api_of, client_of):
    client, _user = api_of(Role.FORCE)
    before = snapshot()
    body = {"mission": "MSS", "contributor": "KEN", "unit": "U", "category": "police", "change": "arrival"}
    answer = client.post("/api/v1/deployments", {**body, "count": -5, "date": "2024-13-01"}, format="json")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    page = client_of(Role.FORCE).post(
        reverse("record_new", args=["MSS", "deployments"]),
        {**body, "contributor": world.ken.pk, "count": "-5", "date": "2024-13-01"},
    )
    form_errors = page.context["form"].errors
    assert sorted(answer.json()["errors"], key=lambda error: error["field"]) == [
        {"field": "count", "problem": form_errors["count"][0]},
        {"field": "date", "problem": form_errors["date"][0]},
    ]
    assert form_errors["count"] == ["must not be negative"]
    assert snapshot() == before


def test_a_departure_below_zero_is_refused_by_the_gate_and_writes_nothing(world, api_of):
    client, _user = api_of(Role.FORCE)
    before = snapshot()
    # Jamaica has 20 military deployed (2024-09-12); 30 leaving would leave 20 - 30 = -10.
    body = {"mission": "MSS", "contributor": "JAM", "unit": "JDF", "category": "military", "change": "departure"}
    answer = client.post("/api/v1/deployments", {**body, "count": 30, "date": "2024-10-01"}, format="json")
    assert answer.status_code == 400
    assert [error["field"] for error in answer.json()["errors"]] == ["count"]
    assert snapshot() == before


def test_a_change_names_only_the_fields_it_changes(world, api_of):
    client, officer = api_of(Role.FORCE)
    answer = client.patch(f"/api/v1/deployments/{world.deployment.pk}", {"count": 210}, format="json")
    assert answer.status_code == 200, answer.content
    deployment = Deployment.objects.get(pk=world.deployment.pk)
    assert (deployment.count, deployment.unit) == (210, "First contingent")
    assert answer.json()["sources"] == ["art-1"]  # the citations stay when the change names none
    assert deployment.history.latest().history_user == officer


def test_a_record_is_archived_not_deleted_and_restored(world, api_of):
    client, _user = api_of(Role.OPERATIONS)
    url = f"/api/v1/incidents/{world.incident.pk}"
    assert client.delete(url).status_code == 204
    assert client.get(url).json()["archived_at"] is not None
    assert world.incident.pk not in {row["id"] for row in client.get("/api/v1/incidents").json()["results"]}
    assert client.get("/api/v1/incidents?archived=yes").json()["count"] == 1
    assert client.delete(url).status_code == 405
    restored = client.post(f"{url}/restore")
    assert restored.status_code == 200, restored.content
    assert restored.json()["archived_at"] is None
