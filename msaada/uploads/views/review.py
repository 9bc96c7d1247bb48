"""Check uploaded files for a user: may their role import each kind, and what would the import do.

A dry run of the importer gives the outcomes without writing; the same function run for real
imports, unless the user's role may not keep one of the kinds uploaded.
"""

import itertools
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from msaada.accounts.models import Role
from msaada.accounts.scopes import may_keep, role_of
from msaada.exchange.formats import FILES, FILES_BY_NAME, FileSpec
from msaada.exchange.importer import ImportFailed, import_records
from msaada.exchange.reading import Sheet, UnreadableFile, find_sheets

# The importer's problems: `file:line: column: problem "value"`, or `file:line: problem`, or `file: problem`.
WITH_COLUMN = re.compile(r'(?P<file>[^:]+):(?P<line>\d+): (?P<column>[^:"]+): (?P<problem>.+?)(?: "(?P<value>.*)")?')
WITH_LINE = re.compile(r"(?P<file>[^:]+):(?P<line>\d+): (?P<problem>.+)")
WITH_FILE = re.compile(r"(?P<file>[^:\s]+): (?P<problem>.+)")


@dataclass(frozen=True)
class Problem:
    """A problem found in an upload, split into the columns of the table that lists it."""

    file: str = ""
    line: int | None = None
    column: str = ""
    problem: str = ""
    value: str | None = None


def problem_from(text: str) -> Problem:
    """Split a problem reported by the importer; keep whatever does not fit the pattern whole."""
    for pattern in (WITH_COLUMN, WITH_LINE, WITH_FILE):
        match = pattern.fullmatch(text)
        if match:
            parts = match.groupdict()
            line = parts.pop("line", None)
            return Problem(**parts, line=int(line) if line is not None else None)
    return Problem(problem=text)


@dataclass(frozen=True)
class Review:
    """What checking or importing an upload gave: outcomes per file as dicts, or the problems."""

    outcomes: list[dict]
    problems: list[dict]


def importable(user: AbstractBaseUser) -> list[FileSpec]:
    """Return the files of the import format whose kind the user's role keeps, in dependency order."""
    return [spec for spec in FILES if may_keep(user, spec.model)]


def review_upload(paths: list[Path], user: AbstractBaseUser, mission: str, *, dry_run: bool) -> Review:
    """Check the files (dry run) or import them; a kind the user's role does not keep is refused either way."""
    sheets, _unknown = find_sheets(paths)
    refused = [refusal(user, sheet) for sheet in sheets if not may_import(user, sheet)]
    try:
        outcomes = import_records(
            paths,
            mission,
            actor=user,
            reason=f"uploaded in the browser by {user.get_username()}",
            dry_run=dry_run or bool(refused),
        )
    except ImportFailed as failed:
        return Review([], in_reading_order([*refused, *map(problem_from, failed.errors)]))
    if refused:
        return Review([], in_reading_order(refused))
    return Review([asdict(outcome) for outcome in outcomes], [])


def in_reading_order(problems: list[Problem]) -> list[dict]:
    """Return the problems file by file, in the order the files were read, and by line within a file.

    The importer reports a batch's unreadable cells before its invalid rows; a person fixes a file top down.
    """
    files: dict[str, int] = {}
    for problem in problems:
        files.setdefault(problem.file, len(files))
    ordered = sorted(problems, key=lambda problem: (files[problem.file], problem.line or 0))
    return [asdict(problem) for problem in ordered]


def may_import(user: AbstractBaseUser, sheet: Sheet) -> bool:
    """Whether the user may import this file: a kind their role keeps, or one with no rows to import.

    A workbook may carry empty sheets of kinds its user does not keep (a template does); they write nothing.
    """
    return may_keep(user, FILES_BY_NAME[sheet.name].model) or not has_rows(sheet)


def has_rows(sheet: Sheet) -> bool:
    """Return whether the file has a data row: something other than its header, an HXL row and blank rows."""
    try:
        for position, (_line, values) in enumerate(itertools.islice(sheet.rows(), 1, None)):
            texts = [str(value).strip() for value in values if value is not None and str(value).strip()]
            if texts and not (position == 0 and all(text.startswith("#") for text in texts)):
                return True
    except UnreadableFile:
        return True  # the importer reports what is wrong with it
    return False


def refusal(user: AbstractBaseUser, sheet: Sheet) -> Problem:
    """Say, in the role's own name, that it may not import this kind of file."""
    role = Role(role_of(user)).label
    problem = _("%(role)s may not import %(file)s") % {"role": role, "file": FILES_BY_NAME[sheet.name].file_name}
    return Problem(file=sheet.label, problem=problem)
