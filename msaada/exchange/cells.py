"""Cell values of the import format: parse text (or typed XLSX cells) into values, and back into text."""

import datetime as dt
import re
from decimal import Decimal

# A value is written back into a cell exactly as a record's identity writes it.
from msaada.core.identity import plain
from msaada.core.identity import render as render

PLAIN_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
WHOLE_NUMBER = re.compile(r"-?\d+")


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
    return str(value).strip()


def parse_date(text: str) -> dt.date:
    try:
        if len(text) != 10:
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
