"""Templates to fill in: each CSV and the workbook import as they are, once a data row is added."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse

from msaada.exchange import cells
from msaada.exchange.formats import FILES, FILES_BY_NAME
from msaada.exchange.importer import import_records
from msaada.uploads.views.templates import header_rows

pytestmark = pytest.mark.django_db

HXL_TAG = re.compile(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*")

# One sound row per file, by column; the columns a row leaves out stay empty.
SAMPLE = {
    "sources": {"key": "hrw-2025", "title": "A later report", "kind": "report", "url": "https://example.org/r"},
    "missions": {
        "code": "GSF",
        "name": "Gang Suppression Force",
        "host_country": "HTI",
        "lead_country": "KEN",
        "base_currency": "USD",
    },
    "organizations": {
        "key": "ken-gov",
        "name": "Government of Kenya",
        "kind": "government",
        "country": "KEN",
        "source": "hrw-2025",
    },
    "funds": {"key": "ken-bilateral", "name": "Kenya bilateral", "manager": "ken-gov", "kind": "bilateral"},
    "fx_rates": {"date": "2024-01-01", "currency": "EUR", "per_usd": "0.92"},
    "mandates": {
        "authority": "S/RES/2699 (2023)",
        "start": "2023-10-02",
        "end": "2024-10-02",
        "authorized_strength": "2500",
    },
    "pledges": {"contributor": "KEN", "category": "police", "count": "1000", "date": "2023-07-29", "status": "pledged"},
    "deployments": {
        "ref": "first-contingent",
        "contributor": "KEN",
        "unit": "1st contingent",
        "category": "police",
        "change": "arrival",
        "count": "200",
        "date": "2024-06-25",
    },
    "flows": {
        "ref": "KEN-1",
        "fund": "ken-bilateral",
        "donor": "ken-gov",
        "stage": "paid",
        "amount": "1000",
        "currency": "EUR",
        "date": "2024-02-01",
    },
    "expenditures": {
        "fund": "ken-bilateral",
        "budget_line": "rations",
        "amount": "500",
        "currency": "USD",
        "date": "2024-03-01",
    },
    "contracts": {
        "service_line": "rations",
        "vendor": "Acme",
        "funder": "ken-gov",
        "start": "2024-06-01",
        "end": "2024-12-31",
        "value": "1000000",
        "currency": "USD",
        "capacity": "1000",
    },
    "assets": {"kind": "armoured vehicle", "owner": "ken-gov", "date": "2024-06-25", "total": "10", "operational": "8"},
    "sites": {"name": "Police HQ", "kind": "police", "latitude": "18.54", "longitude": "-72.34"},
    "site_status": {"site": "Police HQ", "date": "2024-07-01", "status": "secured"},
    "incidents": {
        "event_date": "2024-07-01",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Viv Ansanm",
        "admin1": "Ouest",
        "location": "Port-au-Prince",
        "latitude": "18.54",
        "longitude": "-72.34",
        "fatalities": "3",
    },
    "cost_models": {"key": "un-rates", "name": "UN rates", "effective": "2024-01-01"},
    "cost_lines": {
        "model": "un-rates",
        "budget_line": "accommodation",
        "basis": "person_month",
        "amount": "120",
        "currency": "USD",
        "channel": "voluntary",
        "service_line": "accommodation",
        "lead_days": "60",
    },
    "scenarios": {"name": "build-up", "start": "2024-07-01", "end": "2025-06-30", "cost_model": "un-rates"},
    "targets": {
        "scenario": "build-up",
        "contributor": "KEN",
        "category": "police",
        "date": "2024-09-01",
        "strength": "1000",
    },
    "planned_flows": {
        "scenario": "build-up",
        "fund": "ken-bilateral",
        "donor": "ken-gov",
        "stage": "paid",
        "amount": "2000",
        "currency": "EUR",
        "date": "2024-08-01",
    },
    "planned_contracts": {
        "scenario": "build-up",
        "service_line": "accommodation",
        "vendor": "Camp builders",
        "start": "2024-09-01",
        "end": "2025-06-30",
        "capacity": "1200",
        "value": "3000000",
        "currency": "USD",
    },
    "claims": {
        "file": "deployments",
        "record": "first-contingent",
        "field": "count",
        "value": "400",
        "note": "Said 400",
    },
}
CREATED_ONE_EACH = {spec.name: (1, 0, 0) for spec in FILES}


def template_url(name: str) -> str:
    return reverse("import_template", args=["MSS", name])


def test_every_column_has_a_well_formed_hxl_tag() -> None:
    for spec in FILES:
        names, tags = header_rows(spec)
        assert names == [column.name for column in spec.all_columns]
        assert all(HXL_TAG.fullmatch(tag) for tag in tags), (spec.name, tags)


def test_each_csv_template_imports_once_a_row_is_added(as_role, tmp_path: Path) -> None:
    client = as_role("admin")
    folder = tmp_path / "filled"
    folder.mkdir()
    for spec in FILES:
        response = client.get(template_url(spec.file_name))
        assert response["Content-Disposition"] == f'attachment; filename="{spec.file_name}"'
        assert response.content.startswith("\ufeff".encode())
        header, hxl = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert header[0] == "ref" and header[-1] == "source"
        assert all(tag.startswith("#") for tag in hxl)
        row = [SAMPLE[spec.name].get(name, "") for name in header]
        (folder / spec.file_name).write_bytes(response.content + (",".join(row) + "\r\n").encode())
    result = import_records([folder], "MSS")
    assert {FILES_BY_NAME[o.label.removesuffix(".csv")].name: (o.created, o.updated, o.unchanged) for o in result} == (
        CREATED_ONE_EACH
    )


def test_the_workbook_has_a_sheet_per_file_and_imports_once_rows_are_added(as_role, tmp_path: Path) -> None:
    response = as_role("admin").get(template_url("msaada-import.xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    path = tmp_path / "msaada-import.xlsx"
    path.write_bytes(response.content)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [spec.name for spec in FILES]
    for spec in FILES:
        sheet = workbook[spec.name]
        header = [cell.value for cell in sheet[1]]
        assert [cell.value for cell in sheet[2]] == header_rows(spec)[1]
        date_columns = [column.name for column in spec.columns if column.parse is cells.parse_date]
        for name in date_columns:
            letter = openpyxl.utils.get_column_letter(header.index(name) + 1)
            assert sheet.column_dimensions[letter].number_format == "yyyy-mm-dd"
        sheet.append([_typed(name, SAMPLE[spec.name].get(name), date_columns) for name in header])
    workbook.save(path)
    result = import_records([path], "MSS")
    assert {o.label: (o.created, o.updated, o.unchanged) for o in result} == {
        f"msaada-import.xlsx[{name}]": counts for name, counts in CREATED_ONE_EACH.items()
    }


def _typed(name: str, value: str | None, date_columns: list[str]) -> object:
    """Return the value as a spreadsheet user would type it: dates as dates."""
    return dt.date.fromisoformat(value) if value and name in date_columns else value


def test_a_role_gets_the_templates_of_what_it_keeps(as_role, tmp_path: Path) -> None:
    client = as_role("logistics")
    assert client.get(template_url("contracts.csv")).status_code == 200
    assert client.get(template_url("flows.csv")).status_code == 404
    assert client.get(template_url("nothing.csv")).status_code == 404
    path = tmp_path / "book.xlsx"
    path.write_bytes(client.get(template_url("msaada-import.xlsx")).content)
    assert openpyxl.load_workbook(path).sheetnames == [
        "sources",
        "contracts",
        "assets",
        "scenarios",
        "planned_contracts",
        "claims",
    ]  # logistics keeps claims too, and the scenarios its planned contracts belong to


def test_the_upload_page_links_each_template_the_role_may_use(as_role) -> None:
    page = as_role("finance").get(reverse("import_upload", args=["MSS"])).content.decode()
    for name in ("sources.csv", "organizations.csv", "funds.csv", "fx_rates.csv", "flows.csv", "expenditures.csv"):
        assert f'href="{template_url(name)}"' in page
    assert template_url("mandates.csv") not in page
    assert f'href="{template_url("msaada-import.xlsx")}"' in page
