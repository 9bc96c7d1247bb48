"""What is wrong with a file of an import, as data: where it is, a code and its params, the value found.

A problem is written as text only when shown, in the language active then, so the same problem reads
in English on the command line and in French on the page of a French user.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

TEXT = "text"  # a message written by someone else (a model's own rule), kept as it was given
MORE = "more"

MESSAGES = {
    "unknown_column": _("unknown column"),
    "missing_column": _("missing required column"),
    "empty": _("required value is empty"),
    "extra_cells": _("%(cells)d cells, the header has %(header)d"),
    "bool_cell": _("a true/false cell, not a value"),
    "datetime_cell": _("a date and time, not a date"),
    "not_date": _("not a date (YYYY-MM-DD)"),
    "not_decimal": _("not a plain decimal number"),
    "not_count": _("not a whole number"),
    "not_one_of": _("not one of %(choices)s"),
    "unknown_country": _("unknown country code (ISO 3166 alpha-3, e.g. KEN)"),
    "unknown_reference": _("unknown %(kind)s: neither in the database nor in this import"),
    "duplicate": _("duplicate of line %(line)d"),
    "unknown_mission": _("unknown mission %(code)s: neither in the database nor in missions.csv"),
    "no_such_path": _("no such file or folder"),
    "no_files": _("no file of the import format here"),
    "import_running": _("another import is running: nothing was written, try again when it has finished"),
    "unknown_file_name": _("unknown file name (expected one of %(known)s)"),
    "not_csv_or_xlsx": _("unknown file name: not a CSV or XLSX file"),
    "unknown_sheet": _("unknown sheet name (expected one of %(known)s)"),
    "not_utf8": _("not UTF-8 text"),
    "bad_csv": _("not a readable CSV row (%(error)s)"),
    "not_xlsx": _("not a spreadsheet (XLSX)"),
    "refused": _("%(role)s may not import %(file)s"),
    MORE: ngettext_lazy(
        "%(count)d more problem in this file, not listed", "%(count)d more problems in this file, not listed", "count"
    ),
}


@dataclass(frozen=True)
class Problem:
    """One problem of an import: `file:line: column: problem "value"`, `file:line: problem` or `file: problem`.

    A problem of a file of another standard (FTS, IATI ...) is `file: place: column: problem "value"`.

    `code` names the problem among MESSAGES (or is TEXT, its text in `params["text"]`); the value is the cell as found.
    """

    file: str
    line: int | None = None
    column: str = ""
    code: str = TEXT
    params: dict[str, Any] = field(default_factory=dict)
    value: str | None = None
    place: str = ""  # where in a file of another standard: a JSON path, an XPath, "line 12"

    @property
    def text(self) -> str:
        """Write the problem in the active language."""
        if self.code == TEXT:
            return self.params["text"]
        message = MESSAGES[self.code]
        return str(message % self.params) if self.params else str(message)

    def __str__(self) -> str:
        quoted = "" if self.value is None else f' "{self.value}"'
        if self.place:
            column = f" {self.column}:" if self.column else ""
            return f"{self.file}: {self.place}:{column} {self.text}{quoted}"
        if self.column:
            return f"{self.file}:{self.line}: {self.column}: {self.text}{quoted}"
        if self.line:
            return f"{self.file}:{self.line}: {self.text}"
        return f"{self.file}: {self.text}"


def problem(
    file: str, line: int | None, column: str, message: str, value: str | None = None, params: dict | None = None
) -> Problem:
    """Return a problem from a code of MESSAGES and its params, or from a text already written."""
    if message in MESSAGES:
        return Problem(file, line, column, message, params or {}, value)
    return Problem(file, line, column, TEXT, {"text": message}, value)
