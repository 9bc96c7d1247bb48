"""Each role reads through the API what it sees on the web, and only that: anything else is not found (404)."""

import pytest

from msaada.accounts.models import Role

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_a_liaison_reads_its_own_countrys_deployments_of_its_missions_only(world, api_of):
    client, _user = api_of(Role.LIAISON)
    # MSS holds KEN's and JAM's deployments, GSF one of KEN's: the liaison (KEN, on MSS) sees one.
    assert ids(client.get("/api/v1/deployments")) == {world.deployment.pk}
    assert client.get(f"/api/v1/deployments/{world.jam_deployment.pk}").status_code == 404
    assert client.get(f"/api/v1/deployments/{world.gsf_deployment.pk}").status_code == 404
    assert client.get("/api/v1/flows").status_code == 404


def test_a_donor_reads_its_own_organizations_flows_only(world, api_of):
    client, _user = api_of(Role.DONOR)
    assert ids(client.get("/api/v1/flows")) == {world.flow.pk}
    answer = client.get(f"/api/v1/flows/{world.usa_flow.pk}")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json() == {"type": "about:blank", "title": "Not found", "status": 404, "detail": "Not found."}


def test_an_officer_reads_every_kind_of_its_missions_but_not_the_others(world, api_of):
    client, _user = api_of(Role.FINANCE)
    assert ids(client.get("/api/v1/deployments")) == {world.deployment.pk, world.jam_deployment.pk}
    assert client.get(f"/api/v1/deployments/{world.gsf_deployment.pk}").status_code == 404
    assert client.get("/api/v1/missions/GSF/brief").status_code == 404
    assert [m["code"] for m in client.get("/api/v1/missions").json()["results"]] == ["MSS"]


def test_an_observer_reads_no_record_but_the_brief(world, api_of):
    client, _user = api_of(Role.OBSERVER)
    assert client.get("/api/v1/pledges").status_code == 404
    assert client.get("/api/v1/missions/MSS/brief?as_of=2024-09-30").status_code == 200


def test_no_one_signed_in_reads_nothing(world, client):
    answer = client.get("/api/v1/pledges")
    assert answer.status_code == 401
    assert answer.json()["title"] == "Not signed in"
