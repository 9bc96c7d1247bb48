"""A record's identity in the import format: its natural key, its `ref`, or else its content.

Import and export compute it from the same canonical row as `core.identity`, which
`Fact.save` uses, so a record exported and imported again is found, not duplicated, and a
record saved through a form gets the identity an import would give it.
"""

from django.db.models import Model

from msaada.core import identity
from msaada.exchange.formats import FileSpec


def row_identity(spec: FileSpec, row: dict[str, str]) -> str:
    """Return the identity of a canonical row: a hash of its key, its ref, or its content."""
    return identity.row_identity(spec.model, row)


def record_row(spec: FileSpec, record: Model) -> dict[str, str]:
    """Return a record as the canonical row of its file, without its sources."""
    return {column.field: identity.cell(record, column.field) for column in spec.all_columns if column.name != "source"}
