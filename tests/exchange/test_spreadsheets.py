"""What spreadsheets really hold: a BOM, an HXL row, typed XLSX cells, one workbook with many sheets."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from msaada.finance.models import Flow
from msaada.forces.models import Pledge
from tests.exchange.files import outcomes, problems_of, snapshot

pytestmark = pytest.mark.django_db


def test_csv_with_excel_bom_and_hxl_row_imports(base: Path, tmp_path: Path) -> None:
    path = tmp_path / "pledges.csv"
    text = (
        "contributor,category,count,date,status\n#country,#category,#affected,#date,#status\n"
        "KEN,police,1000,2023-07-29,pledged\n"
    )
    path.write_bytes("\ufeff".encode() + text.encode())
    assert outcomes([path]) == {"pledges.csv": (1, 0, 0)}
    assert Pledge.objects.get().count == 1000


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_typed_dates_and_numbers_are_accepted_like_text(base: Path, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "finance.xlsx",
        {
            "pledges": [
                ["contributor", "category", "count", "date", "status"],
                ["KEN", "police", 1000, dt.datetime(2023, 7, 29), "pledged"],  # noqa: DTZ001 - cells have no zone
                ["BHS", "police", 150.0, "2024-02-01", "pledged"],
            ],
            "flows": [
                ["ref", "fund", "donor", "stage", "amount", "currency", "date"],
                ["CAN-1", "mss-tf", "can-gov", "paid", 8700000.25, "CAD", dt.date(2024, 4, 26)],
            ],
        },
    )
    assert outcomes([path]) == {"finance.xlsx[pledges]": (2, 0, 0), "finance.xlsx[flows]": (1, 0, 0)}
    assert Pledge.objects.get(contributor__code="KEN").date == dt.date(2023, 7, 29)
    assert Pledge.objects.get(contributor__code="BHS").count == 150
    assert Flow.objects.get().amount == Decimal("8700000.25")


def test_xlsx_named_like_its_file_imports_its_sheet(base: Path, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "pledges.xlsx",
        {
            "Sheet1": [
                ["contributor", "category", "count", "date", "status"],
                ["KEN", "police", 1000, "2023-07-29", "pledged"],
            ]
        },
    )
    assert outcomes([path]) == {"pledges.xlsx[Sheet1]": (1, 0, 0)}


def test_xlsx_bad_cells_are_reported_with_sheet_and_line(base: Path, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "book.xlsx",
        {
            "pledges": [
                ["contributor", "category", "count", "date", "status"],
                ["KEN", "police", 1000.5, dt.datetime(2023, 7, 29, 14, 30), "pledged"],  # noqa: DTZ001
                ["KEN", "police", True, "2023-07-29", "pledged"],
            ],
            "budget": [["a"], [1]],
        },
    )
    before = snapshot()
    assert problems_of([path]) == [
        "book.xlsx[budget]: unknown sheet name (expected one of sources, missions, organizations, funds, fx_rates, "
        "mandates, pledges, deployments, flows, expenditures, contracts, assets, sites, site_status, incidents, "
        "cost_models, cost_lines, scenarios, targets, planned_flows, planned_contracts, claims)",
        'book.xlsx[pledges]:2: count: not a whole number "1000.5"',
        'book.xlsx[pledges]:2: date: a date and time, not a date "2023-07-29 14:30:00"',
        'book.xlsx[pledges]:3: count: a true/false cell, not a value "True"',
    ]
    assert snapshot() == before
