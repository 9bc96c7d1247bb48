"""Read a page the way a person copies it: the cells of a table as plain text."""

import re
from html.parser import HTMLParser

# Only the spaces of the markup collapse: the no-break spaces inside numbers are part of them.
LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")


class CellReader(HTMLParser):
    """Collect the rows of cells (th and td) of the table with the given id."""

    def __init__(self, table_id: str):
        super().__init__()
        self.table_id = table_id
        self.depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and (self.depth or dict(attrs).get("id") == self.table_id):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in {"th", "td"}:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in {"th", "td"} and self.cell is not None:
            self.rows[-1].append(LAYOUT_SPACE.sub(" ", "".join(self.cell)).strip())
            self.cell = None

    def handle_data(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)


def table(html: str, table_id: str) -> list[list[str]]:
    """Return the rows of the table with this id, header row first, each cell's text with spaces collapsed."""
    reader = CellReader(table_id)
    reader.feed(html)
    return reader.rows
