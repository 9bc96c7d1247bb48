"""Import a mission's records from the spreadsheets of the import format: all of it, or nothing.

Files are read in batches and written inside one transaction; every bad row is collected and,
if there is any, the transaction is rolled back, so a bad row anywhere writes nothing at all.
"""

import itertools
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from msaada.exchange import cells
from msaada.exchange.formats import FILES, FILES_BY_NAME, Column, FileSpec
from msaada.exchange.identity import row_identity
from msaada.exchange.reading import Sheet, UnreadableFile, find_sheets
from msaada.exchange.references import References
from msaada.finance.rules import first_rate_dates, has_rate
from msaada.forces.rules import negative_strength
from msaada.missions.models import Mission
from msaada.sources.models import Citation

BATCH_SIZE = 1000
ORDER = {spec.name: position for position, spec in enumerate(FILES)}
CONVERTED = ("flows", "expenditures")


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Yield lists of up to `size` items (itertools.batched arrives only with Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class ImportFailed(Exception):
    """An import that wrote nothing, with every problem found as `file:line: column: problem`."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s)")


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
    record: models.Model | None = None


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
    sheets, problems = find_sheets(list(paths))
    sheets.sort(key=lambda sheet: ORDER[sheet.name])
    run = ImportRun(mission_code, actor, reason, on_batch)
    run.errors.extend(problems)
    with transaction.atomic():
        for sheet in sheets:
            run.import_sheet(sheet)
        if run.errors:
            raise ImportFailed(run.errors)
        if dry_run:
            transaction.set_rollback(True)
    return run.outcomes


class ImportRun:
    """The state of one import call: the mission, the keys seen, the problems found, the outcomes."""

    def __init__(self, mission_code: str, actor, reason: str, on_batch) -> None:
        self.mission_code = mission_code
        self.actor = actor
        self.reason = f"import {uuid.uuid4().hex[:8]}" + (f" {reason}" if reason else "")
        self.on_batch = on_batch
        self.references = References()
        self.errors: list[str] = []
        self.outcomes: list[FileOutcome] = []
        self._mission: Mission | None = None
        self._first_rates: dict[str, date] | None = None

    @property
    def mission(self) -> Mission | None:
        if self._mission is None:
            self._mission = Mission.objects.filter(code=self.mission_code).first()
        return self._mission

    @property
    def first_rates(self) -> dict[str, date]:
        if self._first_rates is None:
            self._first_rates = first_rate_dates()
        return self._first_rates

    def import_sheet(self, sheet: Sheet) -> None:
        spec = FILES_BY_NAME[sheet.name]
        outcome = FileOutcome(sheet.label)
        self.outcomes.append(outcome)
        if spec.in_mission and self.mission is None:
            self._report_missing_mission()
            return
        try:
            FileImport(self, spec, sheet, outcome).load()
        except UnreadableFile as error:
            self.errors.append(str(error))

    def _report_missing_mission(self) -> None:
        problem = f"--mission: unknown mission {self.mission_code!r}: neither in the database nor in missions.csv"
        if problem not in self.errors and not self.references.is_declared("mission", self.mission_code):
            self.errors.append(problem)


class FileImport:
    """One file of an import: its header, its rows in batches, and the checks across its rows."""

    def __init__(self, run: ImportRun, spec: FileSpec, sheet: Sheet, outcome: FileOutcome) -> None:
        self.run, self.spec, self.sheet, self.outcome = run, spec, sheet, outcome
        self.columns: list[tuple[Column, int]] = []
        self.seen: Counter[int] = Counter()
        self.first_line: dict[int, int] = {}
        self.departure_lines: dict[tuple[str, date], list[int]] = defaultdict(list)
        self.content_type = ContentType.objects.get_for_model(spec.model)

    def error(self, line: int, column: str, problem: str, value: str | None = None) -> None:
        quoted = "" if value is None else f' "{cells.echo(value)}"'
        self.run.errors.append(f"{self.sheet.label}:{line}: {column}: {problem}{quoted}")

    def load(self) -> None:
        rows = self.sheet.rows()
        header = next(rows, None)
        if not self._read_header(header):
            return
        for batch in batched(self._data_rows(rows), BATCH_SIZE):
            self._import_batch(batch)
            if self.run.on_batch:
                self.run.on_batch(self.sheet)
        if self.spec.name == "deployments":
            self._check_strength()

    def _read_header(self, header: tuple[int, list[object]] | None) -> bool:
        names = [cells.cell_text(cell) for cell in header[1]] if header else []
        known = {column.name: column for column in self.spec.all_columns}
        sound = True
        for index, name in enumerate(names):
            if name not in known:
                if name:
                    self.error(1, name, _("unknown column"))
                    sound = False
                continue
            self.columns.append((known.pop(name), index))
        for column in known.values():
            if column.required:
                self.error(1, column.name, _("missing required column"))
                sound = False
        return sound

    def _data_rows(self, rows: Iterator[tuple[int, list[object]]]) -> Iterator[tuple[int, list[object]]]:
        """Yield the data rows, leaving out an HXL hashtag row under the header and blank rows."""
        for position, (line, values) in enumerate(rows):
            texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
            if not texts or (position == 0 and all(text.startswith("#") for text in texts)):
                continue
            yield line, values

    def _import_batch(self, batch: list[tuple[int, list[object]]]) -> None:
        rows = [self._parse(line, values) for line, values in batch]
        self._resolve(rows)
        for row in rows:
            if row.ok:
                self._validate(row)
        self._write([row for row in rows if row.ok])

    def _parse(self, line: int, values: list[object]) -> Row:
        row = Row(line)
        for column, index in self.columns:
            raw = values[index] if index < len(values) else None
            try:
                text = cells.cell_text(raw)
                value = column.parse(text) if text else None
            except cells.CellError as problem:
                self.error(line, column.name, str(problem), str(raw))
                row.ok = False
                continue
            if not text and column.required:
                self.error(line, column.name, _("required value is empty"))
                row.ok = False
            row.texts[column.name] = cells.render(value) if value is not None and not column.refers_to else text
            if column.name == "source":
                row.sources = [key.strip() for key in text.split(";") if key.strip()]
            elif not column.refers_to:
                row.values[column.name] = value if value is not None else self._empty(column)
        for name in self.spec.natural_key[:1]:
            self.run.references.declare(self.spec.name, row.texts.get(name, ""))
        if self.spec.name == "missions":
            self.run.references.declared["mission"].add(row.texts.get("code", ""))
        return row

    def _empty(self, column: Column) -> object:
        return "" if column.parse is cells.parse_text else None

    def _resolve(self, rows: list[Row]) -> None:
        references = self.run.references
        for column, _index in self.columns:
            if not column.refers_to:
                continue
            kind = column.refers_to
            if column.name == "source":
                keys = {key for row in rows for key in row.sources or ()}
            else:
                keys = {row.texts[column.name] for row in rows if row.texts.get(column.name)}
            found = references.resolve(kind, keys, self.run.mission if self.spec.in_mission else None)
            for row in rows:
                wanted = (row.sources or ()) if column.name == "source" else [row.texts.get(column.name, "")]
                for key in wanted:
                    if not key:
                        continue
                    if key not in found:
                        if not references.is_declared(kind, key):
                            self.error(row.line, column.name, references.problem(kind), key)
                        row.ok = False
                    elif column.name != "source":
                        row.values[column.name] = found[key]

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
        if self.spec.name in CONVERTED:
            self._check_rate(row, record)
        row.record = record

    def _report_invalid(self, row: Row, invalid: ValidationError) -> None:
        for name, errors in invalid.error_dict.items():
            column = "row" if name == NON_FIELD_ERRORS else name
            self.error(row.line, column, self._problem(name, errors[0]), row.texts.get(name))

    def _problem(self, name: str, error: ValidationError) -> str:
        if error.code == "invalid_choice":
            choices = self.spec.model._meta.get_field(name).choices
            return _("not one of %(choices)s") % {"choices": ", ".join(str(value) for value, _label in choices)}
        return " ".join(error.messages)

    def _check_rate(self, row: Row, record: models.Model) -> None:
        currencies = {record.currency, self.run.mission.base_currency}
        for currency in sorted(currencies):
            if not has_rate(currency, record.date, self.run.first_rates):
                problem = _("no FX rate for %(currency)s on or before %(date)s") % {
                    "currency": currency,
                    "date": record.date,
                }
                self.error(row.line, "currency", problem, currency)
                row.ok = False

    def _write(self, rows: list[Row]) -> None:
        identities = [row_identity(self.spec, row.texts) for row in rows]
        existing = self._existing(set(identities))
        creates: list[Row] = []
        updates: list[Row] = []
        for row, identity in zip(rows, identities, strict=True):
            if not self._first_of_its_identity(row, identity):
                continue
            row.record.identity = identity
            occurrence = self.seen[int(identity[:15], 16)] - 1
            matches = existing.get(identity, [])
            if occurrence < len(matches):
                self._match(row, matches[occurrence], updates)
            else:
                creates.append(row)
            if self.spec.name == "deployments" and row.record.change == "departure":
                self.departure_lines[(row.texts["contributor"], row.record.date)].append(row.line)
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
            problem = _("duplicate of line %(line)d") % {"line": self.first_line[key]}
            self.error(row.line, names[0], problem, row.texts.get(names[0]))
            return False
        self.first_line[key] = row.line
        return True

    def _existing(self, identities: set[str]) -> dict[str, list[models.Model]]:
        records = self.spec.model.objects.filter(identity__in=identities)
        if self.spec.in_mission:
            records = records.filter(mission=self.run.mission)
        found: dict[str, list[models.Model]] = defaultdict(list)
        for record in records.order_by("pk"):
            found[record.identity].append(record)
        if found:
            cited = Citation.objects.filter(
                content_type=self.content_type, object_id__in=[r.pk for rs in found.values() for r in rs]
            ).values_list("object_id", "source__key")
            keys: dict[int, set[str]] = defaultdict(set)
            for object_id, key in cited:
                keys[object_id].add(key)
            for record in itertools.chain.from_iterable(found.values()):
                record.cited_keys = keys[record.pk]
        return found

    def _match(self, row: Row, record: models.Model, updates: list[Row]) -> None:
        changed = record.archived_at is not None
        for name, value in row.values.items():
            attribute = self.spec.model._meta.get_field(name).attname
            new = value.pk if isinstance(value, models.Model) else value
            if getattr(record, attribute) != new:
                changed = True
        if row.sources is not None and set(row.sources) != record.cited_keys:
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
        if creates:
            bulk_create_with_history(
                [row.record for row in creates],
                model,
                batch_size=BATCH_SIZE,
                default_user=actor,
                default_change_reason=reason,
            )
        if updates:
            bulk_update_with_history(
                [row.record for row in updates],
                model,
                fields=[*updates[0].values, "archived_at"],
                batch_size=BATCH_SIZE,
                default_user=actor,
                default_change_reason=reason,
            )
        self._cite(creates, updates)
        self.outcome.created += len(creates)
        self.outcome.updated += len(updates)

    def _cite(self, creates: list[Row], updates: list[Row]) -> None:
        """Make each record cite exactly the sources its row names; history keeps the citations changed."""
        wanted: list[Citation] = []
        sources = self.run.references.resolve(
            "source", {key for row in [*creates, *updates] for key in row.sources or ()}, None
        )
        for row in creates:
            wanted += [self._citation(row.record, sources[key]) for key in row.sources or ()]
        for row in updates:
            if row.sources is None:
                continue
            old = getattr(row.record, "cited_keys", set())
            wanted += [self._citation(row.record, sources[key]) for key in set(row.sources) - old]
            dropped = Citation.objects.filter(
                content_type=self.content_type, object_id=row.record.pk, source__key__in=old - set(row.sources)
            )
            for citation in dropped:
                citation._change_reason = self.run.reason
                citation.delete()
        if wanted:
            bulk_create_with_history(
                wanted,
                Citation,
                batch_size=BATCH_SIZE,
                default_user=self.run.actor,
                default_change_reason=self.run.reason,
            )

    def _citation(self, record: models.Model, source) -> Citation:
        return Citation(content_type=self.content_type, object_id=record.pk, source=source)

    def _check_strength(self) -> None:
        """Report a departure that makes a contributor's strength negative on any date."""
        for shortfall in negative_strength(self.run.mission):
            lines = self.departure_lines.get((shortfall.contributor, shortfall.date)) or [0]
            for line in lines:
                self.error(
                    line,
                    "count",
                    _("makes %(contributor)s's strength %(strength)d on %(date)s")
                    % {"contributor": shortfall.contributor, "strength": shortfall.strength, "date": shortfall.date},
                )
