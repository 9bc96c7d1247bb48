"""Text a spreadsheet would run as a formula is exported escaped (OWASP CSV injection) and imports back unchanged."""

import csv
from pathlib import Path

import pytest

from msaada.exchange import cells
from msaada.exchange.exporter import export_records
from msaada.exchange.importer import import_records
from msaada.forces.models import Deployment
from msaada.missions.models import Mission
from tests.exchange.files import BASE, outcomes, write

pytestmark = pytest.mark.django_db

UNITS = ['=HYPERLINK("http://x")', "+1 contingent", "-minus", "@SUM(A1)", "'=quoted", "'t Hooft", "''twice"]
ESCAPED = ['\'=HYPERLINK("http://x")', "'+1 contingent", "'-minus", "'@SUM(A1)", "''=quoted", "'t Hooft", "'''twice"]

DEPLOYMENTS = "contributor,unit,category,change,count,date\n" + "".join(
    f'KEN,"{unit.replace(chr(34), chr(34) * 2)}",police,arrival,10,2024-06-25\n' for unit in ESCAPED
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [*zip(UNITS, ESCAPED, strict=True), ("\tlead", "'\tlead"), ("\rlead", "'\rlead"), ("plain", "plain"), ("", "")],
)
def test_escaping_prefixes_a_quote_only_where_a_spreadsheet_would_compute_or_unescape(text, escaped):
    assert cells.escape_formula(text) == escaped
    assert cells.unescape_formula(escaped) == text


def test_numbers_and_dates_are_never_escaped():
    from datetime import date
    from decimal import Decimal

    assert cells.export_text("-72.29", Decimal("-72.29")) == "-72.29"
    assert cells.export_text("-5", -5) == "-5"
    assert cells.export_text("2024-06-25", date(2024, 6, 25)) == "2024-06-25"
    assert cells.export_text("-5", "-5") == "'-5"


def test_escaped_text_imports_as_the_text_and_exports_escaped_again_changing_nothing(tmp_path: Path):
    source = write(tmp_path / "records", {**BASE, "deployments.csv": DEPLOYMENTS})
    import_records([source], "MSS")
    assert sorted(Deployment.objects.values_list("unit", flat=True)) == sorted(UNITS)
    export_records(Mission.objects.get(code="MSS"), tmp_path / "out")
    with (tmp_path / "out" / "deployments.csv").open(encoding="utf-8", newline="") as file:
        assert sorted(row["unit"] for row in csv.DictReader(file)) == sorted(ESCAPED)
    with (tmp_path / "out" / "sites.csv").open(encoding="utf-8", newline="") as file:
        assert [row["longitude"] for row in csv.DictReader(file)] == ["-72.29"]
    again = outcomes([tmp_path / "out"])
    assert all(created == updated == 0 for created, updated, _unchanged in again.values())
    assert again["deployments.csv"] == (0, 0, len(UNITS))
