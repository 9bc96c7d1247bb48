"""Many rows in one request: all written, or none with every problem named by its row and field."""

import pytest

from msaada.accounts.models import Role
from msaada.forces.models import Deployment
from tests.exchange.files import snapshot

pytestmark = pytest.mark.django_db

ROW = {"contributor": "JAM", "unit": "JDF", "category": "military", "change": "arrival", "date": "2024-10-01"}


def test_good_rows_are_all_written(world, api_of):
    client, officer = api_of(Role.FORCE)
    rows = [{**ROW, "count": 10}, {**ROW, "count": 5, "change": "departure", "date": "2024-10-02"}]
    answer = client.post("/api/v1/deployments/bulk", {"mission": "MSS", "rows": rows}, format="json")
    assert answer.status_code == 201, answer.content
    made = Deployment.objects.filter(pk__in=[row["id"] for row in answer.json()])
    assert sorted(made.values_list("count", flat=True)) == [5, 10]
    assert {d.history.latest().history_user for d in made} == {officer}


def test_bad_rows_are_each_named_and_nothing_is_written(world, api_of):
    client, _user = api_of(Role.FORCE)
    before = snapshot()
    rows = [{**ROW, "count": 10}, {**ROW, "count": -1}, {**ROW, "contributor": "XXX", "count": 1}, "not a row"]
    answer = client.post("/api/v1/deployments/bulk", {"mission": "MSS", "rows": rows}, format="json")
    assert answer.status_code == 400
    errors = answer.json()["errors"]
    assert [(e["row"], e["field"]) for e in errors] == [(1, "count"), (2, "contributor"), (3, "")]
    assert errors[1]["problem"] == "Select a valid choice. That choice is not one of the available choices."
    assert snapshot() == before


def test_a_row_that_breaks_a_rule_over_the_rows_before_it_writes_nothing(world, api_of):
    client, _user = api_of(Role.FORCE)
    before = snapshot()
    # Jamaica has 20 deployed; row 0 brings 10 more (30), row 1 takes 40 away: 30 - 40 = -10 is refused.
    rows = [{**ROW, "count": 10}, {**ROW, "count": 40, "change": "departure", "date": "2024-10-02"}]
    answer = client.post("/api/v1/deployments/bulk", {"mission": "MSS", "rows": rows}, format="json")
    assert answer.status_code == 400
    assert [(e["row"], e["field"]) for e in answer.json()["errors"]] == [(1, "count")]
    assert snapshot() == before


def test_a_bulk_write_needs_rows_and_its_mission(world, api_of):
    client, _user = api_of(Role.FORCE)
    assert client.post("/api/v1/deployments/bulk", {"mission": "MSS", "rows": []}, format="json").json()["errors"] == [
        {"field": "rows", "problem": "rows: a list of 1 to 1000 records"}
    ]
    answer = client.post("/api/v1/deployments/bulk", {"mission": "GSF", "rows": [ROW]}, format="json")
    assert answer.json()["errors"] == [{"field": "mission", "problem": "no mission with this code among yours"}]
