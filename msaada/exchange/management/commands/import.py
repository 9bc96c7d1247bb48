"""`msaada import PATH... --mission CODE`: load the spreadsheets a support office keeps, all or nothing.

`--format NAME FILE` reads a file of an exchange standard (FTS, IATI ...) through the same gate.
"""

import getpass
from pathlib import Path
from typing import Any, TextIO, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from msaada.exchange.importer import FileOutcome, ImportFailed, import_records
from msaada.exchange.reading import Sheet
from msaada.exchange.standards import UnreadableStandardFile, import_translated
from msaada.exchange.standards.registry import STANDARDS
from msaada.missions.models import Mission

LARGE_FILE = 1_000_000  # bytes of CSV, or rows of a sheet, above which a progress bar is worth it


class Command(BaseCommand):
    help = "Import CSV/XLSX files or folders of the import format for a mission, in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders of the import format")
        parser.add_argument("--mission", required=True, help="code of the mission the records belong to")
        parser.add_argument("--user", help="username recorded in the history as the one who imported")
        readable = [name for name, standard in STANDARDS.items() if standard.read]
        parser.add_argument(
            "--format", default="csv", choices=["csv", *readable], help="csv/xlsx (the import format) or a standard"
        )

    def handle(
        self, *args: Any, paths: list[Path], mission: str, user: str | None, format: str, **options: Any
    ) -> None:
        actor = self._actor(user)
        reason = f"by {user or getpass.getuser()}"
        # The command's OutputWrapper is a text stream (io.TextIOBase) that typeshed's IO[str] leaves out.
        console = Console(file=cast(TextIO, self.stdout), highlight=False)
        try:
            if format == "csv":
                with _Bars(Console(file=cast(TextIO, self.stderr))) as bars:
                    outcomes = import_records(paths, mission, actor=actor, reason=reason, on_batch=bars.advance)
            else:
                outcomes = self._import_standard(format, paths, mission, actor, reason)
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"import failed: {failed.count} problem(s), nothing written") from None
        console.print(_summary(outcomes))

    def _import_standard(
        self, format: str, paths: list[Path], code: str, actor: AbstractBaseUser | None, reason: str
    ) -> list[FileOutcome]:
        """Read one file of a standard, say what it leaves out and why, and import the rest through the gate."""
        read = STANDARDS[format].read
        found = Mission.objects.filter(code=code).first()
        if found is None:
            raise CommandError(f"--mission: unknown mission {code!r}")
        if len(paths) != 1 or read is None:
            raise CommandError(f"--format {format}: give one file")
        try:
            translated = read(paths[0], found)
        except (OSError, UnreadableStandardFile) as unreadable:
            raise CommandError(f"{paths[0]}: {getattr(unreadable, 'problem', unreadable)}") from None
        for skipped in translated.skipped:
            self.stderr.write(f"skipped: {skipped}")
        return import_translated(translated, found, actor=actor, reason=reason)

    def _actor(self, username: str | None) -> AbstractBaseUser | None:
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"--user: unknown user {username!r}") from None


def _summary(outcomes: list[FileOutcome]) -> Table:
    table = Table("file", "created", "updated", "unchanged", title="Imported")
    for outcome in outcomes:
        table.add_row(outcome.label, str(outcome.created), str(outcome.updated), str(outcome.unchanged))
    table.add_row(
        "total",
        *(str(sum(getattr(o, name) for o in outcomes)) for name in ("created", "updated", "unchanged")),
        style="bold",
    )
    return table


class _Bars:
    """Progress bars for large files, shown only when the output is a terminal."""

    def __init__(self, console: Console) -> None:
        self.progress = (
            Progress(
                TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn(), console=console, transient=True
            )
            if console.is_terminal
            else None
        )
        self.tasks: dict[str, TaskID | None] = {}

    def __enter__(self) -> "_Bars":
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self, sheet: Sheet) -> None:
        if not self.progress:
            return
        if sheet.label not in self.tasks:
            size = sheet.size
            self.tasks[sheet.label] = self.progress.add_task(sheet.label, total=size) if size > LARGE_FILE else None
        task = self.tasks[sheet.label]
        if task is not None:
            self.progress.update(task, completed=sheet.position)
