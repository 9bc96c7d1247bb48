"""Import a mission's records from the spreadsheets of the import format: all of it, or nothing.

Files are read in batches and written inside one transaction; every bad row is collected and,
if there is any, the transaction is rolled back, so a bad row anywhere writes nothing at all.
"""

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import OperationalError, connection, models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from msaada.core.middleware import database_busy
from msaada.core.models import ImportBatch
from msaada.core.records import Fact
from msaada.core.review import REVIEW_FIELDS
from msaada.core.rules import RowRule, after_rules, row_rules
from msaada.core.services import mark_review, reports
from msaada.exchange import cells
from msaada.exchange.formats import FILES, FILES_BY_NAME, Column, FileSpec, field_of
from msaada.exchange.identity import row_identity
from msaada.exchange.problems import MORE, Problem, problem
from msaada.exchange.reading import Sheet, UnreadableFile, find_sheets
from msaada.exchange.references import References
from msaada.forces.models import Deployment
from msaada.missions.models import Mission
from msaada.sources.models import Citation, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import User

BATCH_SIZE = 1000
PROBLEMS_PER_FILE = 1000  # a file wrong throughout is fixed long before its last line; the rest are counted
# The advisory lock that lets one import at a time write on PostgreSQL (any 64-bit number, the same everywhere).
IMPORT_LOCK = 0x6D73_6161_6461  # "msaada"
LOCK_WAIT = "60s"
ORDER = {spec.name: position for position, spec in enumerate(FILES)}


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Yield lists of up to `size` items (itertools.batched arrives only with Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def filled_width(values: Sequence[object]) -> int:
    """Return how many cells a row spans, up to its last cell that is not blank."""
    width = len(values)
    while width and (values[width - 1] is None or not str(values[width - 1]).strip()):
        width -= 1
    return width


class ImportFailed(Exception):
    """An import that wrote nothing: the problems listed (the first of each file) and how many were found."""

    def __init__(self, problems: list[Problem], count: int):
        self.problems, self.count = problems, count
        super().__init__(f"{count} problem(s)")


@dataclass
class FileOutcome:
    """What an import did with one file."""

    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Row:
    """A data row read from a file: its canonical texts, its values, its sources, whether it is sound."""

    line: int
    texts: dict[str, str] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)
    sources: list[str] | None = None
    ok: bool = True
    record: Fact | None = None

    def checked(self) -> Fact:
        """Return the record a sound row was validated into; only validated rows are written."""
        if self.record is None:
            raise ValueError(f"line {self.line} was written without being validated")
        return self.record


def import_records(
    paths: Iterable[Path],
    mission_code: str,
    *,
    actor: AbstractBaseUser | None = None,
    reason: str = "",
    on_batch: Callable[[Sheet], None] | None = None,
    dry_run: bool = False,
) -> list[FileOutcome]:
    """Import files and folders for a mission in one transaction.

    Raise ImportFailed, having written nothing, when any row is bad. A dry run does all the same
    work and then rolls it back, so its outcomes say what the import would do, having written nothing.
    """
    paths = list(paths)
    sheets, problems = find_sheets(paths)
    sheets.sort(key=lambda sheet: ORDER[sheet.name])
    run = ImportRun(mission_code, actor, reason, on_batch)
    for found in problems:
        run.report(found)
    try:
        with transaction.atomic():
            wait_for_other_imports()
            if not dry_run:
                run.start_batch()
            for sheet in sheets:
                run.import_sheet(sheet)
            if run.problems:
                raise ImportFailed(run.problems, run.count)
            if dry_run:
                transaction.set_rollback(True)
            else:
                run.finish_batch()
    except OperationalError as busy:
        raise ImportFailed([busy_problem(busy)], 1) from None
    return run.outcomes


def wait_for_other_imports() -> None:
    """Let one import at a time write, so two imports of the same files cannot both create its records.

    Each import matches its rows against the records already there; two running at once would
    each find none and both create. PostgreSQL takes a transaction-level advisory lock (waiting
    at most LOCK_WAIT); SQLite's IMMEDIATE transactions already hold the one write lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def busy_problem(error: OperationalError) -> Problem:
    """Say that another import (or write) holds the database, or re-raise any other database failure."""
    if database_busy(error) or "lock timeout" in str(error).lower():
        return problem("import", None, "", "import_running")
    raise error


class ImportRun:
    """The state of one import call: the mission, the keys seen, the problems found, the outcomes."""

    def __init__(
        self,
        mission_code: str,
        actor: AbstractBaseUser | None,
        reason: str,
        on_batch: Callable[[Sheet], None] | None,
    ) -> None:
        self.mission_code = mission_code
        self.actor = actor
        self.about = reason
        self.reason = "import" + (f" {reason}" if reason else "")
        self.batch: ImportBatch | None = None
        self.on_batch = on_batch
        self.references = References()
        self.problems: list[Problem] = []
        self.count = 0
        self.outcomes: list[FileOutcome] = []
        self._mission: Mission | None = None
        self._contexts: dict[RowRule, object] = {}

    @property
    def mission(self) -> Mission | None:
        if self._mission is None:
            self._mission = Mission.objects.filter(code=self.mission_code).first()
        return self._mission

    def context_of(self, rule: RowRule) -> object:
        """Return what a rule reads from the database (the first rate dates), read once per import."""
        if rule not in self._contexts:
            self._contexts[rule] = rule.context(self.mission)
        return self._contexts[rule]

    def start_batch(self) -> None:
        """Write the batch the history of this import points to; its reason names it for a person."""
        # The acting user is one of the project's users (AUTH_USER_MODEL), as the batch's user must be.
        user = cast("User | None", self.actor)
        self.batch = ImportBatch.objects.create(user=user, mission=self.mission_code, reason=self.about)
        self.reason = f"import {self.batch.pk}" + (f" {self.about}" if self.about else "")

    def finish_batch(self) -> None:
        """Keep in the batch what the import did with each file."""
        if self.batch is None:
            raise ValueError("the batch of the import was never started")
        self.batch.outcomes = [asdict(outcome) for outcome in self.outcomes]
        self.batch.save(update_fields=["outcomes"])

    def report(self, found: Problem) -> None:
        """List a problem; the line that says how many more a file has is not one itself."""
        self.count += found.code != MORE
        self.problems.append(found)

    def import_sheet(self, sheet: Sheet) -> None:
        spec = FILES_BY_NAME[sheet.name]
        outcome = FileOutcome(sheet.label)
        self.outcomes.append(outcome)
        if spec.in_mission and self.mission is None:
            self._report_missing_mission()
            return
        file_import = FileImport(self, spec, sheet, outcome)
        try:
            file_import.load()
        except UnreadableFile as error:
            self.report(error.problem)
        file_import.report_unlisted()

    def _report_missing_mission(self) -> None:
        missing = problem("--mission", None, "", "unknown_mission", params={"code": repr(self.mission_code)})
        if missing not in self.problems and not self.references.is_declared("mission", self.mission_code):
            self.report(missing)


class FileImport:
    """One file of an import: its header, its rows in batches, and the checks across its rows."""

    def __init__(self, run: ImportRun, spec: FileSpec, sheet: Sheet, outcome: FileOutcome) -> None:
        self.run, self.spec, self.sheet, self.outcome = run, spec, sheet, outcome
        self.columns: list[tuple[Column, int]] = []
        self.seen: Counter[int] = Counter()
        self.first_line: dict[int, int] = {}
        # By (contributor, date): the subjects the rule on strengths reports a departure under.
        self.departure_lines: dict[Hashable, list[int]] = defaultdict(list)
        self.cited_keys: dict[int, set[str]] = {}  # the sources each record found by _existing cites
        self.content_type = ContentType.objects.get_for_model(spec.model)
        self.header_width = 0
        self.found = 0

    def error(self, line: int, column: str, message: str, value: str | None = None, params: dict | None = None) -> None:
        """Report a problem of a cell: `message` is a code of problems.MESSAGES with its params, or a written text.

        Past the first PROBLEMS_PER_FILE of the file a problem is only counted, never built.
        """
        self.found += 1
        listed = self.found <= PROBLEMS_PER_FILE
        self.run.count += not listed
        if listed:
            self.run.report(
                problem(self.sheet.label, line, column, message, None if value is None else cells.echo(value), params)
            )

    def report_unlisted(self) -> None:
        """Say how many problems of the file were found past the ones listed."""
        if self.found > PROBLEMS_PER_FILE:
            self.run.report(problem(self.sheet.label, None, "", MORE, params={"count": self.found - PROBLEMS_PER_FILE}))

    def load(self) -> None:
        rows = self.sheet.rows()
        header = next(rows, None)
        if not self._read_header(header):
            return
        for batch in batched(self._data_rows(rows), BATCH_SIZE):
            self._import_batch(batch)
            if self.run.on_batch:
                self.run.on_batch(self.sheet)
        self._check_after_rules()

    def _read_header(self, header: tuple[int, Sequence[object]] | None) -> bool:
        names = [cells.cell_text(cell) for cell in header[1]] if header else []
        self.header_width = filled_width(names)
        known = {column.name: column for column in self.spec.all_columns}
        sound = True
        for index, name in enumerate(names):
            if name not in known:
                if name:
                    self.error(1, name, "unknown_column")
                    sound = False
                continue
            self.columns.append((known.pop(name), index))
        for column in known.values():
            if column.required:
                self.error(1, column.name, "missing_column")
                sound = False
        return sound

    def _data_rows(self, rows: Iterator[tuple[int, Sequence[object]]]) -> Iterator[tuple[int, Sequence[object]]]:
        """Yield the data rows, leaving out an HXL hashtag row under the header and blank rows."""
        for position, (line, values) in enumerate(rows):
            texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
            if not texts or (position == 0 and all(text.startswith("#") for text in texts)):
                continue
            yield line, values

    def _import_batch(self, batch: list[tuple[int, Sequence[object]]]) -> None:
        rows = [self._parse(line, values) for line, values in batch]
        self._resolve(rows)
        for row in rows:
            if row.ok:
                self._validate(row)
        self._write([row for row in rows if row.ok])

    def _parse(self, line: int, values: Sequence[object]) -> Row:
        row = Row(line)
        width = filled_width(values)
        if width > self.header_width:
            self.error(line, "row", "extra_cells", params={"cells": width, "header": self.header_width})
            row.ok = False
        for column, index in self.columns:
            raw = values[index] if index < len(values) else None
            try:
                text = cells.cell_text(raw)
                value = column.parse(text) if text else None
            except cells.CellError as unreadable:
                self.error(line, column.name, str(unreadable), str(raw))
                row.ok = False
                continue
            if not text and column.required:
                self.error(line, column.name, "empty")
                row.ok = False
            row.texts[column.field] = cells.render(value) if value is not None and not column.refers_to else text
            if column.name == "source":
                row.sources = [key.strip() for key in text.split(";") if key.strip()]
            elif not column.refers_to:
                row.values[column.field] = value if value is not None else self._empty(column)
        for name in self.spec.natural_key[:1]:
            self.run.references.declare(self.spec.name, row.texts.get(name, ""))
        if self.spec.name == "missions":
            self.run.references.declared["mission"].add(row.texts.get("code", ""))
        return row

    def _empty(self, column: Column) -> object:
        return "" if column.parse is cells.parse_text or isinstance(column.parse, cells.Enumeration) else None

    def _resolve(self, rows: list[Row]) -> None:
        references = self.run.references
        for column, _index in self.columns:
            if not column.refers_to:
                continue
            kind = column.refers_to
            if column.name == "source":
                keys = {key for row in rows for key in row.sources or ()}
            else:
                keys = {row.texts[column.field] for row in rows if row.texts.get(column.field)}
            found = references.resolve(kind, keys, self.run.mission if self.spec.in_mission else None)
            for row in rows:
                wanted = (row.sources or ()) if column.name == "source" else [row.texts.get(column.field, "")]
                for key in wanted:
                    if not key:
                        continue
                    if key not in found:
                        if not references.is_declared(kind, key):
                            self._report_unknown(row, column.name, kind, key)
                        row.ok = False
                    elif column.name != "source":
                        row.values[column.field] = found[key]

    def _validate(self, row: Row) -> None:
        """Check a row with the model's own rules: the same ones a form or an API write runs."""
        model = self.spec.model
        values = dict(row.values)
        if self.spec.in_mission:
            values["mission"] = self.run.mission
        record = model(**values)
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.is_relation]
        try:
            record.clean_fields(exclude=[*foreign_keys, "identity", "archived_at"])
            record.clean()
        except ValidationError as invalid:
            self._report_invalid(row, invalid)
            row.ok = False
            return
        self._check_rules(row, record)
        row.record = record

    def _report_unknown(self, row: Row, column: str, kind: str, key: str) -> None:
        if kind == "contributor":
            self.error(row.line, column, "unknown_country", key)
        else:
            self.error(row.line, column, "unknown_reference", key, {"kind": kind.replace("_", " ")})

    def _report_invalid(self, row: Row, invalid: ValidationError) -> None:
        for name, errors in invalid.error_dict.items():
            column = "row" if name == NON_FIELD_ERRORS else self.spec.file.header(name)
            message, params = self._problem(name, errors[0])
            self.error(row.line, column, message, row.texts.get(name), params)

    def _problem(self, name: str, error: ValidationError) -> tuple[str, dict[str, str]]:
        """Return a problem of a model's rule as a code and its params (the model's own message as text)."""
        if error.code == "invalid_choice":
            choices = field_of(self.spec.model, name).choices or ()  # a field refuses a choice only when it has some
            return "not_one_of", {"choices": ", ".join(str(value) for value, _label in choices)}
        return " ".join(error.messages), {}

    def _check_rules(self, row: Row, record: models.Model) -> None:
        """Check a row with the rules its model's app registered, as every other way in does."""
        for rule in row_rules(self.spec.model):
            for finding in rule.check(record, mission=self.run.mission, context=self.run.context_of(rule)):
                self.error(row.line, self.spec.file.header(finding.field), finding.message, finding.value)
                row.ok = False

    def _write(self, rows: list[Row]) -> None:
        identities = [row_identity(self.spec, row.texts) for row in rows]
        existing = self._existing(set(identities))
        creates: list[Row] = []
        updates: list[Row] = []
        for row, identity in zip(rows, identities, strict=True):
            if not self._first_of_its_identity(row, identity):
                continue
            record = row.checked()
            record.identity = identity
            occurrence = self.seen[int(identity[:15], 16)] - 1
            matches = existing.get(identity, [])
            if occurrence < len(matches):
                self._match(row, matches[occurrence], updates)
            else:
                creates.append(row)
            if isinstance(record, Deployment) and record.change == "departure":
                self.departure_lines[(row.texts["contributor"], record.date)].append(row.line)
        # Sound rows are written even after a problem elsewhere, so later files and the checks
        # across rows see them; the transaction is rolled back at the end all the same.
        self._save(creates, updates)

    def _first_of_its_identity(self, row: Row, identity: str) -> bool:
        """Count the row's identity; in a file with keys, a second row with the same key is a mistake."""
        key = int(identity[:15], 16)
        self.seen[key] += 1
        if not self.spec.unique_identity(row.texts.get("ref", "")):
            return True
        if key in self.first_line:
            names = self.spec.natural_key or ("ref",)
            self.error(row.line, names[0], "duplicate", row.texts.get(names[0]), {"line": self.first_line[key]})
            return False
        self.first_line[key] = row.line
        return True

    def _existing(self, identities: set[str]) -> dict[str, list[Fact]]:
        records = self.spec.model.objects.filter(identity__in=identities)
        if self.spec.in_mission:
            records = records.filter(mission=self.run.mission)
        found: dict[str, list[Fact]] = defaultdict(list)
        for record in records.order_by("pk"):
            found[record.identity].append(record)
        if found:
            cited = Citation.objects.filter(
                content_type=self.content_type, object_id__in=[r.pk for rs in found.values() for r in rs]
            ).values_list("object_id", "source__key")
            keys: dict[int, set[str]] = defaultdict(set)
            for object_id, key in cited:
                keys[object_id].add(key)
            self.cited_keys = {record.pk: keys[record.pk] for record in itertools.chain.from_iterable(found.values())}
        return found

    def _match(self, row: Row, record: Fact, updates: list[Row]) -> None:
        changed = record.archived_at is not None
        for name, value in row.values.items():
            attribute = field_of(self.spec.model, name).attname
            new = value.pk if isinstance(value, models.Model) else value
            if getattr(record, attribute) != new:
                changed = True
        if row.sources is not None and set(row.sources) != self.cited_keys[record.pk]:
            changed = True
        if not changed:
            self.outcome.unchanged += 1
            return
        for name, value in row.values.items():
            setattr(record, name, value)
        record.archived_at = None
        row.record = record
        updates.append(row)

    def _save(self, creates: list[Row], updates: list[Row]) -> None:
        model, actor, reason = self.spec.model, self.run.actor, self.run.reason
        for row in (*creates, *updates):
            mark_review(actor, row.checked())
        if creates:
            bulk_create_with_history(
                [row.checked() for row in creates],
                model,
                batch_size=BATCH_SIZE,
                default_user=actor,
                default_change_reason=reason,
                custom_historical_attrs={"import_batch": self.run.batch},
            )
        if updates:
            bulk_update_with_history(
                [row.checked() for row in updates],
                model,
                fields=[*updates[0].values, "archived_at", *(REVIEW_FIELDS if reports(actor, model) else ())],
                batch_size=BATCH_SIZE,
                default_user=actor,
                default_change_reason=reason,
                custom_historical_attrs={"import_batch": self.run.batch},
            )
        self._cite(creates, updates)
        self.outcome.created += len(creates)
        self.outcome.updated += len(updates)

    def _cite(self, creates: list[Row], updates: list[Row]) -> None:
        """Make each record cite exactly the sources its row names; history keeps the citations changed."""
        wanted: list[Citation] = []
        keys = {key for row in [*creates, *updates] for key in row.sources or ()}
        sources = cast(dict[str, Source], self.run.references.resolve("source", keys, None))  # a source's records
        for row in creates:
            wanted += [self._citation(row.checked(), sources[key]) for key in row.sources or ()]
        for row in updates:
            if row.sources is None:
                continue
            record = row.checked()
            old = self.cited_keys.get(record.pk, set())
            wanted += [self._citation(record, sources[key]) for key in set(row.sources) - old]
            dropped = Citation.objects.filter(
                content_type=self.content_type, object_id=record.pk, source__key__in=old - set(row.sources)
            )
            for citation in dropped:
                # Read by simple_history and by core.models._keep_import_batch when the deletion is recorded.
                citation._change_reason = self.run.reason  # type: ignore[attr-defined]
                citation._import_batch = self.run.batch  # type: ignore[attr-defined]
                citation.delete()
        if wanted:
            bulk_create_with_history(
                wanted,
                Citation,
                batch_size=BATCH_SIZE,
                default_user=self.run.actor,
                default_change_reason=self.run.reason,
                custom_historical_attrs={"import_batch": self.run.batch},
            )

    def _citation(self, record: models.Model, source: Source) -> Citation:
        return Citation(content_type=self.content_type, object_id=record.pk, source=source)

    def _check_after_rules(self) -> None:
        """Check the file's records together once they are written: a departure that makes a strength negative."""
        for rule in after_rules(self.spec.model):
            actor = self.run.actor
            reporter = actor.pk if actor is not None and reports(actor, self.spec.model) else None
            for finding in rule.check(mission=self.run.mission, subjects=None, reporter=reporter):
                for line in self.departure_lines.get(finding.subject) or [0]:
                    self.error(line, finding.field, finding.message)
