"""A record's identity in the import format: its natural key, its `ref`, or else its content.

Import and export compute it from the same canonical row, so a record exported and imported
again is found, not duplicated; a record saved through a form gets it from the same function.
"""

import hashlib

from django.db.models import Model
from django.db.models.signals import pre_save

from msaada.exchange import cells
from msaada.exchange.formats import FILES_BY_MODEL, FileSpec

KEY_OF = {
    "source": "key",
    "organization": "key",
    "fund": "key",
    "site": "name",
    "contributor": "code",
    "service_line": "name",
}


def row_identity(spec: FileSpec, row: dict[str, str]) -> str:
    """Return the identity of a canonical row: a hash of its key, its ref, or its content."""
    if spec.natural_key:
        parts = ("key", *(row[name] for name in spec.natural_key))
    elif row.get("ref"):
        parts = ("ref", *(row[name] for name in spec.ref_identity))
    else:
        parts = ("row", *(row.get(name, "") for name in spec.content_columns))
    return hashlib.sha1("\x1f".join((spec.name, *parts)).encode(), usedforsecurity=False).hexdigest()


def record_row(spec: FileSpec, record: Model) -> dict[str, str]:
    """Return a record as the canonical row of its file, without its sources."""
    row = {}
    for column in spec.all_columns:
        if column.name == "source":
            continue
        value = getattr(record, column.name)
        if column.refers_to:
            value = getattr(value, KEY_OF[column.refers_to])
        row[column.name] = cells.render(value)
    return row


def set_identity(sender: type[Model], instance: Model, **kwargs) -> None:
    spec = FILES_BY_MODEL[sender]
    instance.identity = row_identity(spec, record_row(spec, instance))


def connect_signals() -> None:
    """Give every record saved one by one (forms, admin, API) the identity an import would give it."""
    for model in FILES_BY_MODEL:
        pre_save.connect(set_identity, sender=model, dispatch_uid=f"identity-{model.__name__}")
