"""The field's own exchange formats (FTS, IATI, ACLED, OCDS ...), each mapped to the import format in one module.

A standard writes a mission's records as its own file, and reads a file of its own into the tables of
the import format, which then go through the one import gate (`import_records`): the same rules, all or
nothing. Each problem the gate finds is named at its place in the original file (line, JSON path, XPath).
"""

import csv
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from msaada.exchange.formats import FILES_BY_NAME
from msaada.exchange.importer import FileOutcome, ImportFailed, import_records
from msaada.exchange.problems import Problem
from msaada.missions.models import Mission

# (place in the original file, cells by column of the import format)
TableRow = tuple[str, dict[str, str]]


@dataclass
class Translated:
    """A file of a standard read into the import format: its rows per file, and what was left out and why."""

    source_name: str
    tables: dict[str, list[TableRow]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def add(self, file: str, place: str, row: dict[str, str]) -> None:
        """Add a row of the import format's `file` (e.g. "flows"), read at `place` in the original file."""
        if file not in FILES_BY_NAME:
            raise ValueError(f"{file} is not a file of the import format")
        self.tables.setdefault(file, []).append((place, row))


class UnreadableStandardFile(Exception):
    """A file that is not of the standard at all (not JSON, not XML, no header): nothing can be read."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Standard:
    """One exchange format: how it writes a mission, and how (if it can) it reads a file into the import format."""

    name: str
    title: str
    suffix: str
    content_type: str
    write: Callable[[Mission], bytes]
    read: Callable[[Path, Mission], Translated] | None = None


def import_translated(
    translated: Translated, mission: Mission, *, actor: AbstractBaseUser | None = None, reason: str = ""
) -> list[FileOutcome]:
    """Import translated tables through the one gate, all or nothing; name each problem at its original place."""
    with tempfile.TemporaryDirectory(prefix="msaada-standard-") as folder:
        paths = [_write_table(Path(folder), name, rows) for name, rows in translated.tables.items() if rows]
        if not paths:
            return []
        try:
            return import_records(paths, mission.code, actor=actor, reason=reason)
        except ImportFailed as failed:
            placed = [_placed(found, translated) for found in failed.problems]
            raise ImportFailed(placed, failed.count) from None


def _write_table(folder: Path, name: str, rows: list[TableRow]) -> Path:
    columns = [column.name for column in FILES_BY_NAME[name].all_columns]
    path = folder / FILES_BY_NAME[name].file_name
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows(row for _place, row in rows)
    return path


def _placed(found: Problem, translated: Translated) -> Problem:
    """Return the problem named in the original file: its place there instead of a line of our temporary CSV."""
    name = found.file.removesuffix(".csv")
    rows = translated.tables.get(name)
    if rows is None or found.line is None or not 2 <= found.line < len(rows) + 2:
        return replace(found, file=translated.source_name)
    return replace(found, file=translated.source_name, line=None, place=rows[found.line - 2][0])
