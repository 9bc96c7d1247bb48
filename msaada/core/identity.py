"""A record's identity across imports: a hash of its natural key, else of its ref, else of its content.

Each kind of record declares its natural key (`natural_key_fields`) and the file it is exchanged
in (`record_file`); the identity is computed from the record's fields written as that file
writes them, so `Fact.save` gives a record saved anywhere (a form, the admin, the shell) the
identity an import of the same row gives it, and a record exported and imported again is
found, not duplicated.
"""

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from django.db import models

if TYPE_CHECKING:
    from msaada.core.records import Fact

REF = "ref"


class Keyed(Protocol):
    """A kind of record referred to by its natural key: a record with a key, a contributor, a service line."""

    natural_key_fields: ClassVar[tuple[str, ...]]


@dataclass(frozen=True)
class RecordFile:
    """The file of the import format a kind of record is exchanged in: its name and its columns, in order.

    `columns` name the model's fields (a `ref` column is added first when they leave it out);
    `ref_identity` names the columns that identify a row by its ref, when it has one; `headers` gives
    the header of a column the format names otherwise than its field (cost_lines.csv's `model`).
    """

    name: str
    columns: tuple[str, ...]
    ref_identity: tuple[str, ...] = (REF,)
    headers: Mapping[str, str] = field(default_factory=dict, compare=False)

    def header(self, column: str) -> str:
        """Return the header a file writes a field's column under."""
        return self.headers.get(column, column)

    @property
    def content_columns(self) -> tuple[str, ...]:
        """Return the columns that identify a row without a key or a ref: all but `ref`."""
        return tuple(name for name in self.columns if name != REF)


def plain(value: Decimal) -> str:
    """Write a decimal with no exponent and no trailing zeros: 80500000, 1.3531, 0."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def render(value: object) -> str:
    """Write a value the way the import format reads it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def key_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Return the fields of the model's natural key, which a reference to one of its records names."""
    # Every kind of record a reference may name declares its key: the records with one, contributors, service lines.
    return cast(type[Keyed], model).natural_key_fields


def key_of(record: models.Model) -> str:
    """Return the natural key a reference to the record is written with (references name one-field keys)."""
    return render(getattr(record, key_fields(type(record))[0]))


def cell(record: models.Model, name: str) -> str:
    """Return a field of a record as its file writes it: a reference as the key of the record it names."""
    value = getattr(record, name)
    return key_of(value) if isinstance(value, models.Model) else render(value)


def file_of(model: "type[Fact]") -> RecordFile:
    """Return the file the model is exchanged in; only a kind of record that declares one has rows and identities."""
    file = model.record_file
    if file is None:
        raise TypeError(f"{model.__name__} declares no record_file")
    return file


def row_identity(model: "type[Fact]", row: dict[str, str]) -> str:
    """Return the identity of a row of the model's file: a hash of its natural key, its ref, or its content."""
    file = file_of(model)
    if model.natural_key_fields:
        parts = ("key", *(row[name] for name in model.natural_key_fields))
    elif row.get(REF):
        parts = (REF, *(row[name] for name in file.ref_identity))
    else:
        parts = ("row", *(row.get(name, "") for name in file.content_columns))
    return hashlib.sha1("\x1f".join((file.name, *parts)).encode(), usedforsecurity=False).hexdigest()


def record_identity(record: "Fact") -> str:
    """Return the identity of a record: that of the row its file writes for it."""
    names = (REF, *file_of(type(record)).columns)
    return row_identity(type(record), {name: cell(record, name) for name in names})
