"""The brief as the command line writes it, the charts' series, the filters, and the schema."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from msaada.accounts.models import Role
from msaada.dashboard.series import funding_series, strength_series
from msaada.readiness.formats import money_value

pytestmark = pytest.mark.django_db


def test_the_brief_is_the_command_lines_json(world, api_of):
    client, _user = api_of(Role.OBSERVER)
    out = io.StringIO()
    call_command("brief", "--mission", "MSS", "--as-of", "2024-09-30", "--format", "json", stdout=out)
    answer = client.get("/api/v1/missions/MSS/brief?as_of=2024-09-30")
    assert answer.status_code == 200
    assert answer.json() == json.loads(out.getvalue())
    assert answer.json()["strength"]["deployed"] == 220  # Kenya's 200 and Jamaica's 20 by 2024-09-30


def test_a_bad_date_is_refused_naming_as_of(world, api_of):
    client, _user = api_of(Role.OBSERVER)
    answer = client.get("/api/v1/missions/MSS/brief?as_of=2024-02-30")
    assert answer.status_code == 400
    assert [error["field"] for error in answer.json()["errors"]] == ["as_of"]


def test_the_series_are_the_dashboards(world, api_of):
    client, _user = api_of(Role.DONOR)
    strength = client.get("/api/v1/missions/MSS/strength?as_of=2024-09-30").json()
    drawn = strength_series(world.mss, date(2024, 9, 30))
    assert strength["contributors"] == list(drawn.contributors) == ["KEN", "JAM"]
    last = strength["points"][-1]
    assert last == {
        "day": "2024-09-30",
        "deployed": {"KEN": 200, "JAM": 20},
        "total": 220,
        "authorized": 2500,
        "pledged": 1200,
    }  # 1,000 police of Kenya and 200 military of Jamaica
    funding = client.get("/api/v1/missions/MSS/funding?as_of=2024-09-30").json()
    figures = funding_series(world.mss, date(2024, 9, 30))
    assert funding["currency"] == "USD"
    assert funding["points"][-1]["paid"] == money_value(figures.points[-1].paid) == "9000000.00"


def test_filters_pagination_and_ordering(world, api_of):
    client, _user = api_of(Role.FINANCE)

    def refs(query: str) -> list[str]:
        answer = client.get(f"/api/v1/flows?{query}")
        assert answer.status_code == 200, answer.content
        return [row["ref"] for row in answer.json()["results"]]

    assert refs("mission=MSS&ordering=date") == ["CAN-1", "USA-1"]
    assert refs("ordering=-amount") == ["CAN-1", "USA-1"]  # 80,500,000 CAD before 9,000,000 USD
    assert refs("stage=paid") == ["USA-1"]
    assert refs("donor=can-gov") == ["CAN-1"]
    assert refs("organization=un") == []  # the UN manages the fund, and gives no flow: a fund is not a flow's
    assert refs("date_from=2024-03-01&date_to=2024-12-31") == ["USA-1"]
    assert refs("as_of=2024-03-01") == ["CAN-1"]
    assert refs("mission=GSF") == []
    page = client.get("/api/v1/flows?page_size=1&ordering=date").json()
    assert (page["count"], [row["ref"] for row in page["results"]]) == (2, ["CAN-1"])
    assert client.get(page["next"]).json()["results"][0]["ref"] == "USA-1"
    assert client.get("/api/v1/deployments?contributor=JAM").json()["count"] == 1
    bad = client.get("/api/v1/flows?stage=promised")
    assert bad.status_code == 400
    assert [error["field"] for error in bad.json()["errors"]] == ["stage"]


def test_the_schema_generates_without_warnings_and_the_docs_are_served(tmp_path, client, db):
    written = tmp_path / "schema.json"
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", str(written))
    paths = json.loads(written.read_text())["paths"]
    assert "/api/v1/missions/{code}/brief" in paths
    assert {"/api/v1/flows", "/api/v1/flows/{id}", "/api/v1/flows/bulk"} <= paths.keys()
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs.content  # served here, from no CDN
