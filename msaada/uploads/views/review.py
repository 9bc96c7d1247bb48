"""Check uploaded files for a user: may their role import each kind, and what would the import do.

A dry run of the importer gives the outcomes without writing; the same function run for real
imports, unless the user's role may not keep one of the kinds uploaded.
"""

import itertools
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from msaada.accounts.models import Role
from msaada.accounts.scopes import may_keep, role_of
from msaada.exchange.formats import FILES, FILES_BY_NAME, FileSpec
from msaada.exchange.importer import ImportFailed, import_records
from msaada.exchange.problems import MORE, Problem
from msaada.exchange.reading import Sheet, UnreadableFile, find_sheets


@dataclass(frozen=True)
class Review:
    """What checking or importing an upload gave: outcomes per file as dicts, or the problems and their count.

    The problems are kept as dicts of Problem, to be written in the reader's language when shown.
    """

    outcomes: list[dict]
    problems: list[dict]
    count: int = 0


def importable(user: AbstractBaseUser) -> list[FileSpec]:
    """Return the files of the import format whose kind the user's role keeps, in dependency order."""
    return [spec for spec in FILES if may_keep(user, spec.model)]


def review_upload(
    paths: list[Path],
    user: AbstractBaseUser,
    mission: str,
    *,
    dry_run: bool,
    on_batch: Callable[[Sheet], None] | None = None,
) -> Review:
    """Check the files (dry run) or import them; a kind the user's role does not keep is refused either way.

    `on_batch` is told each time a batch of a file's rows has been read, for the page's progress.
    """
    sheets, _unknown = find_sheets(paths)
    refused = [refusal(user, sheet) for sheet in sheets if not may_import(user, sheet)]
    try:
        outcomes = import_records(
            paths,
            mission,
            actor=user,
            reason=f"uploaded in the browser by {user.get_username()}",
            dry_run=dry_run or bool(refused),
            on_batch=on_batch,
        )
    except ImportFailed as failed:
        return Review([], in_reading_order([*refused, *failed.problems]), len(refused) + failed.count)
    if refused:
        return Review([], in_reading_order(refused), len(refused))
    return Review([asdict(outcome) for outcome in outcomes], [])


def in_reading_order(problems: list[Problem]) -> list[dict]:
    """Return the problems file by file, in the order the files were read, and by line within a file.

    The importer reports a batch's unreadable cells before its invalid rows; a person fixes a file top down.
    The line that says how many more problems a file has comes last in its file.
    """
    files: dict[str, int] = {}
    for problem in problems:
        files.setdefault(problem.file, len(files))
    ordered = sorted(problems, key=lambda problem: (files[problem.file], problem.code == MORE, problem.line or 0))
    return [asdict(problem) for problem in ordered]


def may_import(user: AbstractBaseUser, sheet: Sheet) -> bool:
    """Whether the user may import this file: a kind their role keeps, or one with no rows to import.

    A workbook may carry empty sheets of kinds its user does not keep (a template does); they write nothing.
    """
    return may_keep(user, FILES_BY_NAME[sheet.name].model) or not has_rows(sheet)


def has_rows(sheet: Sheet) -> bool:
    """Return whether the file has a data row: something other than its header, an HXL row and blank rows."""
    try:
        return next(data_rows(sheet), None) is not None
    except UnreadableFile:
        return True  # the importer reports what is wrong with it


def count_rows(sheet: Sheet) -> int:
    """Return how many data rows the file has, as the importer counts them; an unreadable file counts none."""
    try:
        return sum(1 for _row in data_rows(sheet))
    except UnreadableFile:
        return 0


def data_rows(sheet: Sheet) -> Iterator[object]:
    """Yield the file's data rows: all but its header, an HXL row under it and blank rows."""
    for position, (_line, values) in enumerate(itertools.islice(sheet.rows(), 1, None)):
        texts = [str(value).strip() for value in values if value is not None and str(value).strip()]
        if texts and not (position == 0 and all(text.startswith("#") for text in texts)):
            yield values


def refusal(user: AbstractBaseUser, sheet: Sheet) -> Problem:
    """Say, in the role's own name, that it may not import this kind of file."""
    role = str(Role(role_of(user)).label)
    return Problem(sheet.label, code="refused", params={"role": role, "file": FILES_BY_NAME[sheet.name].file_name})
