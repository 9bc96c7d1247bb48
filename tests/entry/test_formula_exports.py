"""A list's CSV and XLSX exports escape text a spreadsheet would run as a formula, and import back to the same text."""

import csv
import io
from pathlib import Path

import openpyxl
from django.core.management import call_command
from django.urls import reverse

from msaada.forces.models import Deployment
from msaada.missions.models import Mission

FORMULA = '=HYPERLINK("http://evil.example","open")'


def download(client, kind: str, extension: str, **params) -> bytes:
    response = client.get(reverse(f"record_export_{extension}", args=["MSS", kind]), params)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def imported_units(tmp_path: Path, name: str, content: bytes) -> list[str]:
    (tmp_path / name).write_bytes(content)
    fresh = Mission.objects.create(code="NEW", name="A new mission", host_country="HTI", lead_country="KEN")
    call_command("import", str(tmp_path / name), "--mission", "NEW", verbosity=0)
    return list(Deployment.objects.filter(mission=fresh).values_list("unit", flat=True))


def test_the_csv_export_escapes_a_formula_and_imports_it_back_as_written(world, client_of, tmp_path: Path):
    Deployment.objects.filter(pk=world.deployment.pk).update(unit=FORMULA)
    content = download(client_of("force"), "deployments", "csv", contributor=world.ken.pk)
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert [row["unit"] for row in rows] == ["'" + FORMULA]
    assert imported_units(tmp_path, "deployments.csv", content) == [FORMULA]


def test_the_xlsx_export_writes_a_formula_as_text_and_imports_it_back_as_written(world, client_of, tmp_path: Path):
    Deployment.objects.filter(pk=world.deployment.pk).update(unit=FORMULA)
    content = download(client_of("force"), "deployments", "xlsx", contributor=world.ken.pk)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[1]]
    unit = sheet.cell(row=2, column=header.index("unit") + 1)
    assert (unit.value, unit.data_type) == ("'" + FORMULA, "s")
    count = sheet.cell(row=2, column=header.index("count") + 1)
    assert count.data_type == "n"
    assert imported_units(tmp_path, "deployments.xlsx", content) == [FORMULA]
