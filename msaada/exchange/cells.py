"""Cell values of the import format: parse text (or typed XLSX cells) into values, and back into text."""

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from msaada.core.fields import validate_text

# A value is written back into a cell exactly as a record's identity writes it.
from msaada.core.identity import plain
from msaada.core.identity import render as render

# ASCII digits only: `\d` would also take Arabic-Indic and full-width digits, which no one reads back.
PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
WHOLE_NUMBER = re.compile(r"-?[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

SPELLING_MARKS = re.compile(r"[\s_-]+")
"""What two spellings of one listed value may differ by, beside case: spaces, hyphens, underscores."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula (OWASP CSV injection); a leading quote keeps it text."""

ECHOED = 60
"""How many characters of a bad value a problem repeats."""


class CellError(ValueError):
    """A cell that cannot be read; its message is the code of the problem (a key of problems.MESSAGES)."""


def cell_text(value: object) -> str:
    """Return a cell as the text the format reads: typed XLSX dates and numbers become ISO dates and decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellError("bool_cell")
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError("datetime_cell")
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain(Decimal(repr(value)))
    text = str(value).strip()
    try:
        validate_text(text)
    except ValidationError as invalid:
        raise CellError(invalid.messages[0]) from None
    return unescape_formula(text)


def escape_formula(text: str) -> str:
    """Return text that a spreadsheet shows as written: a formula-like start, or an escape already, gets a quote."""
    if text.startswith(FORMULA_STARTS) or unescape_formula(text) != text:
        return "'" + text
    return text


def export_text(text: str, value: object) -> str:
    """Return a value's text for an exported cell: escaped if it is text, as written if it is a number or date."""
    return text if isinstance(value, Decimal | int | dt.date) else escape_formula(text)


def unescape_formula(text: str) -> str:
    """Return the text `escape_formula` was given: drop the quote it put before a formula-like start."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'")):
        return text[1:]
    return text


def echo(value: object) -> str:
    """Return a bad value as a problem repeats it: cut after ECHOED characters, so a huge cell stays one line."""
    text = str(value)
    return text if len(text) <= ECHOED else text[:ECHOED] + "…"


def parse_date(text: str) -> dt.date:
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError("not_date") from None


def parse_decimal(text: str) -> Decimal:
    if not PLAIN_DECIMAL.fullmatch(text):
        raise CellError("not_decimal")
    return Decimal(text)


def parse_count(text: str) -> int:
    if not WHOLE_NUMBER.fullmatch(text):
        raise CellError("not_count")
    return int(text)


def parse_text(text: str) -> str:
    return text


def spelling_key(text: str) -> str:
    """Return what every spelling of a listed value shares: `Official-Record` and `official_record` alike."""
    return SPELLING_MARKS.sub("", text).casefold()


class Enumeration:
    """Read a cell of a column of listed values: a value as listed, spelled loosely, or its label in any language.

    A cell that names no value is returned as it is, so the model refuses it with the list of accepted values.
    """

    def __init__(self, choices: Iterable[tuple[object, object]]) -> None:
        self.choices = tuple((str(value), label) for value, label in choices)

    @cached_property
    def spellings(self) -> dict[str, str]:
        """Return the value each spelling names; a label two values share in some language names neither."""
        named: dict[str, set[str]] = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for value, label in self.choices:
                    named.setdefault(spelling_key(str(label)), set()).add(value)
        spellings = {key: values.pop() for key, values in named.items() if len(values) == 1}
        # A value's own spelling names it whatever a label of another value says.
        return spellings | {spelling_key(value): value for value, _label in self.choices}

    def __call__(self, text: str) -> str:
        return self.spellings.get(spelling_key(text), text)
