"""The brief's JSON against brief.schema.json (a copy of ../shared/brief.schema.json kept in the repository)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from tests.factories import asset, incident, mandate, mission, spend
from tests.readiness.briefs import brief, full_mission

pytestmark = pytest.mark.django_db

SCHEMA_PATH = Path(__file__).with_name("brief.schema.json")
SHARED_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "brief.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(validator: Draft202012Validator, data: dict) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="no ../shared next to the repository")
def test_the_copy_is_the_shared_schema():
    assert json.loads(SCHEMA_PATH.read_text()) == json.loads(SHARED_SCHEMA.read_text())


def test_full_brief_validates(validator):
    data = brief(full_mission(), "2025-09-23")
    assert problems(validator, data) == []
    # Every section is filled, so the items' schemas were exercised.
    assert all(data[key] for key in ("mandate", "life_support", "sites", "risks", "sources"))
    assert data["strength"]["by_contributor"]


def test_empty_mission_brief_validates_and_is_all_zero(validator):
    data = brief(mission(), "2025-09-23")
    assert problems(validator, data) == []
    assert data == {
        "mission": "mss",
        "as_of": "2025-09-23",
        "currency": "USD",
        "mandate": None,
        "strength": {"deployed": 0, "pledged": 0, "authorized": None, "deployed_pct": None, "by_contributor": []},
        "funding": {
            "pledged": "0.00",
            "committed": "0.00",
            "paid": "0.00",
            "spent": "0.00",
            "cash": "0.00",
            "unpaid_commitments": "0.00",
            "daily_burn": "0.00",
            "runway_days": None,
            "runway_end": None,
            "gap_to_mandate_end": "0.00",
        },
        "life_support": [],
        "sites": [],
        "equipment": [],
        "incidents": {"window_start": "2025-08-25", "count": 0, "fatalities": 0, "by_event_type": []},
        "risks": [],
        "sources": [],
        "illustrative": [],
        "claims": [],
        "waiting_review": {"pledges": 0, "deployments": 0, "flows": 0},
    }


def test_brief_with_the_ground_and_the_gear_validates(validator):
    mss = full_mission()
    asset(mss, "2025-09-01", 12, 5, kind="Armoured vehicle")
    asset(mss, "2025-09-01", 0, 0, kind="Helicopter")
    incident(mss, "2025-09-20", fatalities=4)
    data = brief(mss, "2025-09-23")
    assert problems(validator, data) == []
    assert [row["operational_pct"] for row in data["equipment"]] == [41.7, None]
    assert data["incidents"]["count"] == 1
    assert [line["capacity"] for line in data["life_support"]] == [100, 100]


def test_ended_mandate_and_negative_money_validate(validator):
    mss = full_mission()
    mandate(mss, "2025-10-03", "2025-10-04", authority="short")
    spend(mss, "5000", "2026-02-01")
    data = brief(mss, "2026-03-01")
    assert (data["mandate"]["active"], data["mandate"]["days_left"]) == (False, -148)
    # cash 800 - 5000; burn 5000 / 90: runway floor(-4200 * 90 / 5000) = floor(-75.6) = -76
    assert (data["funding"]["cash"], data["funding"]["runway_days"]) == ("-4200.00", -76)
    assert problems(validator, data) == []


def test_cli_json_validates(validator):
    full_mission()
    mission("empty")
    for code in ("mss", "empty"):
        out = StringIO()
        call_command("brief", "--mission", code, "--as-of", "2025-09-23", "--format", "json", stdout=out)
        assert problems(validator, json.loads(out.getvalue())) == []


def test_the_validator_checks_formats_and_types(validator):
    data = brief(full_mission(), "2025-09-23")
    data["as_of"] = "2025-13-01"
    data["funding"]["cash"] = 800
    data["risks"][0]["severity"] = "critical"
    assert sorted(problems(validator, data)) == [
        "['as_of']: '2025-13-01' is not a 'date'",
        "['funding', 'cash']: 800 is not of type 'string'",
        "['risks', 0, 'severity']: 'critical' is not one of ['high', 'medium', 'low']",
    ]
