"""A workbook whose declared size would take gigabytes to read is refused from its zip directory, in bounded memory."""

import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.exchange.files import problems_of

pytestmark = pytest.mark.django_db

PEAK_BYTES = 16 * 2**20


def pledges_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "pledges"
    sheet.append(["contributor", "category", "count", "date", "status"])
    sheet.append(["KEN", "police", 10, "2024-01-01", "pledged"])
    workbook.save(path)
    return path


SHARED_STRINGS = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def rewritten(path: Path, changes: dict) -> Path:
    """Return a copy of the workbook with parts replaced or added by what each writer streams into them."""
    crafted = path.with_name("crafted.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in [*names, *(name for name in changes if name not in names)]:
            original = source.read(name) if name in names else b""
            if name in changes:
                with target.open(name, "w", force_zip64=True) as part:
                    changes[name](part, original)
            else:
                target.writestr(name, original)
    return crafted


def peak_of_import(path: Path) -> tuple[list[str], int]:
    tracemalloc.start()
    try:
        problems = problems_of([path])
        return problems, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_sheet_declaring_a_million_rows_by_sixteen_thousand_columns_is_refused(base, tmp_path: Path):
    def huge_dimension(part, original: bytes) -> None:
        part.write(original.replace(b'<dimension ref="A1:E2"', b'<dimension ref="A1:XFD1048576"'))

    crafted = rewritten(pledges_workbook(tmp_path / "pledges.xlsx"), {"xl/worksheets/sheet1.xml": huge_dimension})
    problems, peak = peak_of_import(crafted)
    assert problems == ["crafted.xlsx: a sheet declares 1048576 rows by 16384 columns (at most 1048576 by 256)"]
    assert peak < PEAK_BYTES


def test_shared_strings_of_65_megabytes_are_refused_before_they_are_read(base, tmp_path: Path):
    def huge_strings(part, _original: bytes) -> None:
        part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
        for _chunk in range(65):
            part.write(b"<si><t>x</t></si>" * (2**20 // 17 + 1))
        part.write(b"</sst>")

    def declared(part, original: bytes) -> None:
        part.write(original.replace(b"</Types>", SHARED_STRINGS))

    changes = {"[Content_Types].xml": declared, "xl/sharedStrings.xml": huge_strings}
    crafted = rewritten(pledges_workbook(tmp_path / "pledges.xlsx"), changes)
    assert crafted.stat().st_size < 2**20
    problems, peak = peak_of_import(crafted)
    assert problems == ["crafted.xlsx: its shared strings take 66 MB (at most 64 MB)"]
    assert peak < PEAK_BYTES
