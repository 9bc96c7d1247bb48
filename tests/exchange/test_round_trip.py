"""Export then import into an empty database reproduces the records, for the fixed set and any valid set."""

import csv
import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msaada.exchange.exporter import export_records
from msaada.exchange.importer import import_records
from msaada.missions.models import Mission
from tests.exchange.files import BASE, problems_of, snapshot, write
from tests.exchange.test_reimport import RECORDS

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    """Raised to undo what a block wrote, leaving the test's database empty again."""


def rows_of(folder: Path) -> dict[str, Counter]:
    """Return each file's rows as a multiset of (column, value) tuples, whatever the column order."""
    found = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as file:
            found[path.name] = Counter(tuple(sorted(row.items())) for row in csv.DictReader(file))
    return found


def export_after_import(source: Path, out: Path) -> dict[str, int]:
    import_records([source], "MSS")
    return export_records(Mission.objects.get(code="MSS"), out)


def test_export_then_import_into_an_empty_database_reproduces_the_records(db, tmp_path: Path) -> None:
    source = write(tmp_path / "records", RECORDS)
    with pytest.raises(Rollback), transaction.atomic():
        first = export_after_import(source, tmp_path / "first")
        counts = snapshot()
        raise Rollback
    assert snapshot()["missions.Mission"] == 0
    second = export_after_import(tmp_path / "first", tmp_path / "second")
    assert second == first
    assert rows_of(tmp_path / "second") == rows_of(tmp_path / "first")
    live = {label: n for label, n in snapshot().items() if "Historical" not in label}
    assert live == {label: n for label, n in counts.items() if "Historical" not in label}
    assert first["deployments.csv"] == 3


def test_export_writes_the_values_it_read(db, tmp_path: Path) -> None:
    export_after_import(write(tmp_path / "records", RECORDS), tmp_path / "out")
    flows = (tmp_path / "out" / "flows.csv").read_text().splitlines()
    assert flows[0] == "ref,fund,donor,stage,amount,currency,date,source"
    assert flows[1] == "CAN-1,mss-tf,can-gov,pledge,80500000,CAD,2024-02-22,art-1"


def test_export_of_an_unknown_mission_is_refused(db, tmp_path: Path) -> None:
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="unknown mission 'NOPE'"):
        call_command("export", "--mission", "NOPE", "-o", str(tmp_path))


codes = st.sampled_from(["KEN", "JAM", "BHS", "GTM", "SLV", "BLZ"])
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31))
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ÉéèçñÑ-'", min_size=1, max_size=12).map(str.strip).filter(bool)
amounts = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False)


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    quoted = [",".join('"' + str(v).replace('"', '""') + '"' for v in row) for row in rows]
    return "\n".join([",".join(header), *quoted])


valid_sets = st.fixed_dictionaries(
    {
        "pledges": st.lists(
            st.tuples(
                codes,
                st.sampled_from(["police", "military", "civilian"]),
                st.integers(0, 5000),
                days,
                st.sampled_from(["pledged", "confirmed", "withdrawn"]),
            ),
            max_size=6,
        ),
        "arrivals": st.lists(st.tuples(codes, names, st.integers(0, 900), days), max_size=6),
        "flows": st.lists(
            st.tuples(
                st.sampled_from(["", "C-1", "C-2"]),
                st.sampled_from(["pledge", "commitment", "paid"]),
                amounts,
                st.sampled_from(["USD", "CAD"]),
                days,
            ),
            max_size=6,
        ),
        "sites": st.lists(
            st.tuples(
                names,
                st.sampled_from(["airport", "palace", "school"]),
                st.decimals(-90, 90, places=4),
                st.decimals(-180, 180, places=4),
            ),
            max_size=4,
            unique_by=lambda site: site[0],
        ),
        "contracts": st.lists(
            st.tuples(names, names, days, st.integers(0, 400), amounts, st.integers(0, 2000)), max_size=4
        ),
    }
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=valid_sets)
def test_any_valid_rows_import_and_export_back_equal(db, tmp_path_factory, records) -> None:
    folder = tmp_path_factory.mktemp("in")
    files = dict(BASE)
    files["fx_rates.csv"] = "date,currency,per_usd\n2023-01-01,CAD,1.3531"
    files["pledges.csv"] = csv_text(
        ["contributor", "category", "count", "date", "status", "source"], [[*p, "art-1"] for p in records["pledges"]]
    )
    files["deployments.csv"] = csv_text(
        ["contributor", "unit", "category", "change", "count", "date"],
        [[c, u, "police", "arrival", n, d] for c, u, n, d in records["arrivals"]],
    )
    files["flows.csv"] = csv_text(
        ["ref", "fund", "donor", "stage", "amount", "currency", "date"],
        [[r, "mss-tf", "can-gov", s, a, c, d] for r, s, a, c, d in records["flows"]],
    )
    files["sites.csv"] = csv_text(["name", "kind", "latitude", "longitude"], records["sites"])
    files["contracts.csv"] = csv_text(
        ["service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity"],
        [
            [line, vendor, "us-dod", start, start + dt.timedelta(days=length), value, "USD", capacity]
            for line, vendor, start, length, value, capacity in records["contracts"]
        ],
    )
    write(folder, files)
    out = tmp_path_factory.mktemp("out")
    with pytest.raises(Rollback), transaction.atomic():
        export_after_import(folder, out)
        raise Rollback
    expected = rows_of(_canonical(folder, tmp_path_factory.mktemp("canonical")))
    assert rows_of(out) == expected


def _canonical(folder: Path, out: Path) -> Path:
    """Rewrite input files the way an export writes them: every column, numbers without trailing zeros."""
    from msaada.exchange.cells import escape_formula, parse_decimal, parse_text, plain, unescape_formula
    from msaada.exchange.formats import FILES_BY_NAME

    for path in folder.glob("*.csv"):
        spec = FILES_BY_NAME[path.stem]
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        with (out / path.name).open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow([c.name for c in spec.all_columns])
            for row in rows:
                values = []
                for column in spec.all_columns:
                    value = row.get(column.name, "") or ""
                    if column.parse is parse_decimal and value:
                        value = plain(Decimal(value))
                    elif column.parse is parse_text:
                        value = escape_formula(unescape_formula(value))
                    values.append(value)
                writer.writerow(values)
        if not rows:
            (out / path.name).unlink()
    return out


def test_duplicate_ref_in_one_file_is_reported(base: Path, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "bad",
        {
            "pledges.csv": """
        ref,contributor,category,count,date,status
        P-1,KEN,police,1000,2023-07-29,pledged
        P-1,KEN,police,1500,2024-07-29,pledged
    """
        },
    )
    assert problems_of([folder]) == ['pledges.csv:3: ref: duplicate of line 2 "P-1"']
