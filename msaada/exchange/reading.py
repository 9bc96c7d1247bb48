"""Stream the rows of CSV and XLSX files, one sheet at a time, never loading a file whole."""

import codecs
import csv
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from msaada.exchange.formats import FILES_BY_NAME
from msaada.exchange.problems import TEXT, Problem

# Bounds checked in the zip before openpyxl reads a workbook: it keeps every shared string in memory,
# and pads every row to the declared width, so a small crafted file could otherwise take gigabytes.
MAX_SHARED_STRINGS_BYTES = 64 * 2**20
MAX_SHEET_BYTES = 512 * 2**20
MAX_ROWS, MAX_COLUMNS = 2**20, 256
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"')


class UnreadableFile(Exception):
    """A file that is not UTF-8 text or not a spreadsheet; its problem names where it broke."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass
class Sheet:
    """One file of the import format, found as a CSV file or as a sheet of a workbook."""

    name: str
    path: Path
    sheet: str | None = None
    position: int = 0

    @property
    def label(self) -> str:
        return f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name

    @property
    def size(self) -> int:
        """Return how far `position` goes: bytes for a CSV, rows for a sheet."""
        if self.sheet is None:
            return self.path.stat().st_size
        workbook = open_workbook(self.path)
        try:
            return workbook[self.sheet].max_row or 0
        finally:
            workbook.close()

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        """Yield (line number, cells) for every row, the header first."""
        return self._sheet_rows() if self.sheet else self._csv_rows()

    def _csv_rows(self) -> Iterator[tuple[int, Sequence[object]]]:

        line = 0
        with self.path.open("rb") as raw:
            decoder = codecs.getincrementaldecoder("utf-8")()

            def lines() -> Iterator[str]:
                nonlocal line
                for number, chunk in enumerate(raw, start=1):
                    try:
                        text = decoder.decode(chunk)
                    except UnicodeDecodeError:
                        raise UnreadableFile(Problem(self.label, number, code="not_utf8")) from None
                    if number == 1:
                        text = text.removeprefix("\ufeff")
                    self.position += len(chunk)
                    yield text

            reader = csv.reader(lines(), strict=True)
            try:
                for row in reader:
                    line += 1
                    yield line, row
                    line = reader.line_num
            except csv.Error as error:
                problem = Problem(self.label, reader.line_num, code="bad_csv", params={"error": str(error)})
                raise UnreadableFile(problem) from None

    def _sheet_rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        workbook = open_workbook(self.path)
        try:
            for line, row in enumerate(workbook[self.sheet].iter_rows(values_only=True), start=1):
                self.position = line
                yield line, list(row)
        finally:
            workbook.close()


def open_workbook(path: Path) -> openpyxl.Workbook:
    try:
        check_workbook_size(path)
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise UnreadableFile(Problem(path.name, code="not_xlsx")) from None


def check_workbook_size(path: Path) -> None:
    """Refuse a workbook whose shared strings, sheets or declared dimensions exceed the bounds, before parsing it."""
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if member.filename == "xl/sharedStrings.xml" and member.file_size > MAX_SHARED_STRINGS_BYTES:
                _too_large(
                    path,
                    _("its shared strings take %(size)d MB (at most %(limit)d MB)"),
                    member.file_size,
                    MAX_SHARED_STRINGS_BYTES,
                )
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                if member.file_size > MAX_SHEET_BYTES:
                    _too_large(
                        path, _("a sheet takes %(size)d MB (at most %(limit)d MB)"), member.file_size, MAX_SHEET_BYTES
                    )
                with archive.open(member) as sheet:
                    _check_dimension(path, sheet.read(4096))


def _too_large(path: Path, problem: str, size: int, limit: int) -> None:
    text = problem % {"size": -(-size // 2**20), "limit": limit // 2**20}
    raise UnreadableFile(Problem(path.name, code=TEXT, params={"text": text}))


def _check_dimension(path: Path, head: bytes) -> None:
    found = DIMENSION.search(head)
    if not found:
        return
    reference = found.group(1).decode()
    first_column, first_row, last_column, last_row = range_boundaries(
        reference if ":" in reference else f"{reference}:{reference}"
    )
    rows, columns = last_row - first_row + 1, last_column - first_column + 1
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        problem = _("a sheet declares %(rows)d rows by %(columns)d columns (at most %(max_rows)d by %(max_columns)d)")
        text = problem % {"rows": rows, "columns": columns, "max_rows": MAX_ROWS, "max_columns": MAX_COLUMNS}
        raise UnreadableFile(Problem(path.name, code=TEXT, params={"text": text}))


def find_sheets(paths: list[Path]) -> tuple[list[Sheet], list[Problem]]:
    """Return the sheets of the format found in files and folders, and a problem for each thing that is not one."""
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            children = [child for child in sorted(path.iterdir()) if child.suffix.lower() in (".csv", ".xlsx")]
            for child in children:
                _add_file(child, sheets, problems)
            if not children:
                problems.append(Problem(str(path), code="no_files"))
        elif path.exists():
            _add_file(path, sheets, problems)
        else:
            problems.append(Problem(str(path), code="no_such_path"))
    return sheets, problems


def _add_file(path: Path, sheets: list[Sheet], problems: list[Problem]) -> None:
    known = ", ".join(f"{name}.csv" for name in FILES_BY_NAME)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if path.stem in FILES_BY_NAME:
            sheets.append(Sheet(path.stem, path))
        else:
            problems.append(Problem(path.name, code="unknown_file_name", params={"known": known}))
    elif suffix == ".xlsx":
        try:
            workbook = open_workbook(path)
        except UnreadableFile as error:
            problems.append(error.problem)
            return
        names = workbook.sheetnames
        workbook.close()
        if path.stem in FILES_BY_NAME:
            sheet = path.stem if path.stem in names else names[0]
            sheets.append(Sheet(path.stem, path, sheet))
            return
        for name in names:
            if name in FILES_BY_NAME:
                sheets.append(Sheet(name, path, name))
            else:
                sheet_names = ", ".join(FILES_BY_NAME)
                problems.append(Problem(f"{path.name}[{name}]", code="unknown_sheet", params={"known": sheet_names}))
    else:
        problems.append(Problem(path.name, code="not_csv_or_xlsx"))
