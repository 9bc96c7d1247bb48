"""`msaada brief`: the three formats end to end, and the one-line errors."""

import json
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from msaada.readiness.brief import brief_json, build_brief
from tests.clock import today_is
from tests.environment import command_env
from tests.factories import flow, mission, rate
from tests.readiness.briefs import full_mission

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
SECTIONS = (
    "Mandate",
    "Strength",
    "Funding",
    "Life support",
    "Sites",
    "Equipment",
    "Capacity",
    "Incidents",
    "Risks",
    "What other sources say",
    "Sources",
)


def run(*args: str) -> str:
    out = StringIO()
    call_command("brief", *args, stdout=out)
    return out.getvalue()


def test_json_format_is_the_brief_with_plain_money_strings():
    mss = full_mission()
    data = json.loads(run("--mission", "mss", "--as-of", "2025-09-23", "--format", "json"))
    assert data == brief_json(build_brief(mss, date(2025, 9, 23)))
    assert data["funding"]["committed"] == "1000.00"
    assert data["funding"]["pledged"] == "3000.00"
    money = [value for key, value in data["funding"].items() if key not in {"runway_days", "runway_end"}]
    assert all("," not in value and value.count(".") == 1 and len(value.split(".")[1]) == 2 for value in money)


def test_text_format_has_every_section_readable_money_and_dates():
    full_mission()
    text = run("--mission", "mss", "--as-of", "2025-09-23", "--format", "text")
    lines = text.splitlines()
    assert lines[0] == "mss: Multinational Security Support. Brief as of 23 Sep 2025, figures in USD"
    assert [line for line in lines if line in SECTIONS] == list(SECTIONS)
    assert "UNSC resolution 2751 (2024), 2 Oct 2024 – 2 Oct 2025 (active): 9 days left." in text
    assert "379 deployed of 2,500 authorized (15.2 %), 1,150 pledged." in text
    assert "Runway: 80 days, to 12 Dec 2025 (illustrative)." in text  # it rests on illustrative spending
    # The flows are in CAD at illustrative rates: every money figure carries the mark.
    assert any(line.split() == ["Committed", "USD", "1,000.00", "(illustrative)"] for line in lines)
    assert any(line.split() == ["Unpaid", "commitments", "USD", "440.97", "(illustrative)"] for line in lines)
    assert any(line.split() == ["Kenya", "(KEN)", "371", "1,000"] for line in lines)
    assert any(line.split()[:4] == ["Accommodation", "30", "Sep", "2025"] for line in lines)
    assert "\x1b[" not in text  # no colour when not on a terminal
    assert all(line == line.rstrip() for line in lines)


@today_is("2025-09-23")
def test_without_a_date_the_brief_is_of_today():
    mission()
    data = json.loads(run("--mission", "mss", "--format", "json"))
    assert data["as_of"] == "2025-09-23"


def test_text_is_the_default_format():
    full_mission()
    assert run("--mission", "mss", "--as-of", "2025-09-23") == run(
        "--mission", "mss", "--as-of", "2025-09-23", "--format", "text"
    )


def test_markdown_format_has_sections_and_tables():
    full_mission()
    markdown = run("--mission", "mss", "--as-of", "2025-09-23", "--format", "markdown")
    assert markdown.startswith("# mss: Multinational Security Support. Brief as of 23 Sep 2025, figures in USD\n")
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [f"## {name}" for name in SECTIONS]
    assert "| Contributor | Deployed | Pledged |\n| --- | ---: | ---: |\n" in markdown
    assert "| Kenya (KEN) | 371 | 1,000 |" in markdown
    assert "| Total | 379 | 1,150 |" in markdown
    assert "| Committed | USD 1,000.00 (illustrative) |" in markdown
    assert "| Accommodation | 30 Sep 2025 | 2 |" in markdown
    assert "| high | MANDATE_EXPIRY | UNSC resolution 2751 (2024) ends on 2 Oct 2025: 9 days left |" in markdown


def test_empty_mission_in_text_says_what_is_missing():
    mission("empty")
    text = run("--mission", "empty", "--as-of", "2025-09-23")
    for line in (
        "No mandate started on or before 23 Sep 2025.",
        "0 deployed, 0 pledged, no authorized strength.",
        "Runway: no spending in the last 90 days.",
        "No service line has a contract.",
        "No sites on record.",
        "No risks found.",
        "No sources cited.",
    ):
        assert line in text


def one_line_error(*args: str) -> str:
    with pytest.raises(CommandError) as raised:
        run(*args)
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_unknown_or_archived_mission_is_a_one_line_error():
    assert one_line_error("--mission", "NOPE", "--as-of", "2025-09-23") == "no mission with code 'NOPE'"
    mission("gone").archive()
    assert one_line_error("--mission", "gone", "--as-of", "2025-09-23") == "no mission with code 'gone'"


@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "2025-02-30", "2025-9-23", "23/09/2025", ""])
def test_bad_date_is_a_one_line_error(value):
    mission()
    assert one_line_error("--mission", "mss", "--as-of", value) == (
        f"--as-of {value!r} is not a date of the form YYYY-MM-DD"
    )


def test_missing_rate_is_a_one_line_error():
    mss = mission()
    rate("EUR", "2025-01-10", "0.9")
    flow(mss, "paid", "100", "2025-01-05", currency="EUR")
    assert one_line_error("--mission", "mss", "--as-of", "2025-09-23", "--format", "json") == (
        "no exchange rate for EUR on or before 2025-01-05"
    )


def test_unknown_format_is_refused():
    mission()
    with pytest.raises(CommandError, match="invalid choice: 'pdf'"):
        run("--mission", "mss", "--format", "pdf")


# A flow in euros with no rate on or before its date (the importer refuses one, so it is written directly).
MISSING_RATE = """
from datetime import date
from msaada.finance.models import Flow, Fund, Organization
from msaada.missions.models import Mission
mission = Mission.objects.create(code="EUR1", name="Test", host_country="HTI", lead_country="KEN")
un = Organization.objects.create(key="un", name="United Nations", kind="multilateral")
fund = Fund.objects.create(mission=mission, key="tf", name="Trust fund", manager=un, kind="trust_fund")
Flow.objects.create(mission=mission, fund=fund, donor=un, stage="paid", amount=100, currency="EUR",
                    date=date(2025, 1, 5))
"""


def msaada(var_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the console script's entry point in a fresh interpreter, on SQLite under var_dir."""
    env = command_env(MSAADA_VAR_DIR=str(var_dir))
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-c", "from msaada.cli import main; main()", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_console_script_fails_with_one_line_and_no_traceback(tmp_path):
    migrated = msaada(tmp_path, "migrate", "--verbosity", "0", "--skip-checks")
    assert migrated.returncode == 0, migrated.stderr
    written = msaada(tmp_path, "shell", "--no-startup", "--command", MISSING_RATE)
    assert written.returncode == 0, written.stderr
    for args, message in [
        (("--mission", "NOPE"), "CommandError: no mission with code 'NOPE'"),
        (
            ("--mission", "EUR1", "--as-of", "2025-09-23"),
            "CommandError: no exchange rate for EUR on or before 2025-01-05",
        ),
    ]:
        result = msaada(tmp_path, "brief", *args)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [message]
        assert result.stdout == ""
