"""The brief as terminal text, laid out with Rich."""

from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from msaada.readiness.figures import Brief
from msaada.readiness.presenters.sections import Section, Table, heading, sections

SEVERITY_STYLES = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def brief_text(brief: Brief, *, color: bool = False, width: int = 100) -> str:
    """Return the brief as text for a terminal, with colours only when asked for."""
    return sections_text(heading(brief), sections(brief), color=color, width=width)


def sections_text(title: str, parts: list[Section], *, color: bool = False, width: int = 100) -> str:
    """Return a title and its sections as text for a terminal (the brief, a plan), with colours only when asked for."""
    out = StringIO()
    # Markup off: titles and names from the records may hold square brackets.
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.print(Text(title, style="bold"))
    for section in parts:
        _print_section(console, section)
    # Rich pads table cells to the column width; trailing blanks are noise in a pasted text.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _print_section(console: Console, section: Section) -> None:
    console.print()
    console.print(Text(section.title, style="bold underline"))
    for line in section.lines:
        console.print(line)
    if section.table is not None:
        console.print(_table(section.table))
    for number, item in enumerate(section.numbered, start=1):
        console.print(f"{number}. {item}")


def _table(table: Table) -> RichTable:
    rich_table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for index, header in enumerate(table.headers):
        rich_table.add_column(header, justify="right" if index in table.numeric else "left")
    for row in table.rows:
        rich_table.add_row(*(Text(cell, style=SEVERITY_STYLES.get(cell, "")) for cell in row))
    return rich_table
