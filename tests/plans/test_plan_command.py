"""`msaada plan` on an imported scenario: every figure by hand, the formats, the schema, the one-line errors."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from tests.plans import oracle
from tests.plans.files import gsf_files
from tests.plans.load import load

pytestmark = pytest.mark.django_db

SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")
SHARED_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "plan.schema.json"


def run(*args: str) -> str:
    out = StringIO()
    call_command("plan", "--mission", "TST", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported():
    return load(gsf_files(), "TST")


def test_the_scenario_month_by_month(imported):
    data = json.loads(run("--scenario", "build-up", "--format", "json"))
    # No end: the mandate running on 1 Jan 2026 ends on 31 Mar 2026. No cost model named: the latest effective.
    assert (data["start"], data["end"], data["cost_model"], data["derived"]) == (
        "2026-01-01",
        "2026-03-31",
        "un-rates",
        None,
    )
    # EUR at 0.8 on 1 Dec 2025, the latest on or before 31 Dec 2025 (the 1 Jan rate comes from the start on).
    assert data["planning_rates"] == [{"currency": "EUR", "date": "2025-12-01", "per_usd": "0.80000000"}]
    # KEN 100 (the arrival of 1 Jan is not seen), TCD 50 from 1 Feb: person-days 31*100, 28*150, 31*150.
    # Allowances EUR 800 = USD 1000 a person-month: 100000, 150000, 150000; headquarters 3100 a month.
    assert [
        (m["month"], m["days"], m["strength"], m["person_days"], m["arrivals"], m["cost"]) for m in data["months"]
    ] == [
        ("2026-01", 31, 100, 3100, 0, "103100.00"),
        ("2026-02", 28, 150, 4200, 50, "153100.00"),
        ("2026-03", 31, 150, 4650, 0, "153100.00"),
    ]
    assert data["months"][1]["cost_by_line"] == {"Allowances": "150000.00", "Headquarters": "3100.00"}
    assert data["months"][1]["cost_by_channel"] == {
        "assessed": "150000.00",
        "voluntary": "3100.00",
        "bilateral": "0.00",
    }
    # Cash: trust fund 8000 - 2000 = 6000; support office EUR 40000 at 0.8 = 50000. The planned 3000 paid on 1 Mar
    # counts, the planned pledge does not.
    assert [(m["cumulative_cost"], m["money"], m["balance"]) for m in data["months"]] == [
        ("103100.00", "56000.00", "-47100.00"),
        ("256200.00", "56000.00", "-200200.00"),
        ("409300.00", "59000.00", "-350300.00"),
    ]


def test_the_summary_channels_contracts_and_risks(imported):
    data = json.loads(run("--scenario", "build-up", "--format", "json"))
    # 100000/31 + 100 a day in January: 53212.90 spent by 16 Jan, 56538.71 by 17 Jan, against 56000.
    assert data["summary"] == {
        "total_cost": "409300.00",
        "runs_out_on": "2026-01-17",
        "gap": "350300.00",
        "full_strength_on": None,
        "authorized": 200,
    }
    # Assessed: 100000/31 a day against 50000: 48387.10 by 15 Jan, 51612.90 by 16 Jan.
    # Voluntary: 3100 in January, 3100/28 a day in February against the 2900 left: 2878.57 by 26 Feb, 2989.29
    # by 27 Feb; 9300 against 6000 + 3000.
    assert data["channels"] == [
        {"channel": "assessed", "total_cost": "400000.00", "runs_out_on": "2026-01-16", "gap": "350000.00"},
        {"channel": "voluntary", "total_cost": "9300.00", "runs_out_on": "2026-02-27", "gap": "300.00"},
        {"channel": "bilateral", "total_cost": "0.00", "runs_out_on": None, "gap": "0.00"},
    ]
    # Beds for 120 until 15 Feb: short 30 from 1 Feb, 150 from 16 Feb to the end; sign 60 days before 1 Feb.
    assert data["contracts_needed"] == [
        {
            "service_line": "Accommodation",
            "from": "2026-02-01",
            "to": "2026-03-31",
            "worst_shortfall": 150,
            "sign_by": "2025-12-03",
        }
    ]
    assert [(r["code"], r["severity"], r["on"], r["subject"]) for r in data["risks"]] == [
        ("CAPACITY_SHORT", "high", "2025-12-03", "Accommodation"),
        ("FUNDING_RUNWAY", "high", "2026-01-17", None),
        ("CHANNEL_GAP", "medium", "2026-01-16", "assessed"),
        ("CHANNEL_GAP", "medium", "2026-02-27", "voluntary"),
        # 150 of 200 is 75 %.
        ("STRENGTH_GAP", "medium", "2026-03-31", None),
    ]


def test_the_oracle_agrees(imported):
    data = json.loads(run("--scenario", "build-up", "--format", "json"))
    expected = oracle.plan(gsf_files(), scenario="build-up")
    found = {key: data[key] for key in expected if key != "risks"}
    found["risks"] = [(r["code"], r["severity"], r["on"], r["subject"]) for r in data["risks"]]
    assert found == expected


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="no ../shared next to the repository")
def test_the_copy_is_the_shared_schema():
    assert json.loads(SCHEMA_PATH.read_text()) == json.loads(SHARED_SCHEMA.read_text())


@pytest.mark.parametrize("which", [("--scenario", "build-up"), ("--derived", "as_pledged", "--start", "2026-01-01")])
def test_the_json_validates(imported, validator, which):
    data = json.loads(run(*which, "--format", "json"))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)] == []
    assert data["months"] and data["risks"]


def test_a_derived_scenario(imported):
    data = json.loads(run("--derived", "as_pledged", "--start", "2026-01-01", "--format", "json"))
    # KEN pledged 150 on 1 Oct 2025 and first arrived on 1 Nov (31 days): 150 from the start, 50 arrive on 1 Jan.
    assert (data["scenario"], data["derived"]) == ("as_pledged", "as_pledged")
    assert [(m["strength"], m["arrivals"]) for m in data["months"]] == [(150, 50), (150, 0), (150, 0)]
    # No planned flows in a derived scenario: 56000 throughout.
    assert data["months"][-1]["money"] == "56000.00"
    assert data == {
        **data,
        **{
            k: v
            for k, v in oracle.plan(
                gsf_files(), derived="as_pledged", start=__import__("datetime").date(2026, 1, 1)
            ).items()
            if k != "risks"
        },
    }


def test_text_has_the_month_table_summary_channels_contracts_and_risks(imported):
    text = run("--scenario", "build-up")
    lines = text.splitlines()
    assert lines[0] == "TST: plan build-up from 1 Jan 2026 to 31 Mar 2026, figures in USD"
    titles = ["Month by month", "Summary", "By channel", "Contracts needed", "Risks", "Sources"]
    assert [line for line in lines if line in titles] == titles
    assert "Money runs out on: 17 Jan 2026" in text
    assert "USD 409,300.00" in text
    assert "Accommodation   1 Feb 2026   31 Mar 2026               150   3 Dec 2025" in text
    assert "The voluntary channel runs out on 27 Feb 2026, USD 300.00 short by the end" in text


def test_markdown_has_the_tables(imported):
    text = run("--scenario", "build-up", "--format", "markdown")
    assert text.startswith("# TST: plan build-up")
    assert "| 2026-02 | 150 | 50 | USD 153,100.00 | USD 256,200.00 | USD 56,000.00 | USD -200,200.00 |" in text


def test_csv_is_the_month_table(imported):
    assert run("--scenario", "build-up", "--format", "csv").splitlines() == [
        "month,days,strength,person_days,arrivals,cost,cost_assessed,cost_voluntary,cost_bilateral,"
        "cumulative_cost,money,balance",
        "2026-01,31,100,3100,0,103100.00,100000.00,3100.00,0.00,103100.00,56000.00,-47100.00",
        "2026-02,28,150,4200,50,153100.00,150000.00,3100.00,0.00,256200.00,56000.00,-200200.00",
        "2026-03,31,150,4650,0,153100.00,150000.00,3100.00,0.00,409300.00,59000.00,-350300.00",
    ]


def test_compare_side_by_side(imported):
    text = run("--compare", "build-up", "hold", "as_pledged", "--start", "2026-01-01")
    assert "Scenarios side by side" in text
    data = json.loads(run("--compare", "build-up", "hold", "--start", "2026-01-01", "--format", "json"))
    assert [row["scenario"] for row in data] == ["build-up", "hold"]
    assert data[0]["first_to_sign"] == {"service_line": "Accommodation", "sign_by": "2025-12-03"}
    # Hold: 100 all along, within the 120 beds until 15 Feb, then none: sign by 16 Feb - 60 days = 18 Dec 2025.
    assert data[1]["first_to_sign"] == {"service_line": "Accommodation", "sign_by": "2025-12-18"}
    # A derived scenario has no planned flows: 9300 against the trust fund's 6000.
    assert data[1]["gap_by_channel"]["voluntary"] == "3300.00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--scenario", "nope"), "no scenario named 'nope' in mission TST"),
        (
            ("--scenario", "build-up", "--start", "2026-02-30"),
            "--start '2026-02-30' is not a date of the form YYYY-MM-DD",
        ),
        (("--scenario", "build-up", "--end", "31/03/2026"), "--end '31/03/2026' is not a date of the form YYYY-MM-DD"),
        (
            ("--scenario", "build-up", "--end", "2025-12-31"),
            "the plan ends on 2025-12-31, before its start on 2026-01-01",
        ),
        (
            ("--derived", "hold", "--start", "2026-06-01"),
            "no mandate of mission TST runs on 2026-06-01: give the plan an end",
        ),
        (
            ("--derived", "hold", "--start", "2025-09-01", "--end", "2025-12-31"),
            "mission TST has no cost model effective on or before 2025-09-01",
        ),
    ],
)
def test_bad_input_is_a_one_line_error(imported, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert str(error.value) == message


def test_an_unknown_mission_is_an_error(db):
    with pytest.raises(CommandError, match="no mission with code 'NOPE'"):
        call_command("plan", "--mission", "NOPE", "--scenario", "x", stdout=StringIO())
