"""The brief as Markdown, with the text rendering's sections as tables, for pasting into a report."""

from msaada.readiness.figures import Brief
from msaada.readiness.presenters.sections import Section, Table, heading, sections


def brief_markdown(brief: Brief) -> str:
    """Return the brief as a Markdown document."""
    return sections_markdown(heading(brief), sections(brief))


def sections_markdown(title: str, parts: list[Section]) -> str:
    """Return a title and its sections (the brief, a plan) as a Markdown document."""
    blocks = [f"# {_escape(title)}"]
    blocks.extend(_section(section) for section in parts)
    return "\n\n".join(blocks) + "\n"


def _section(section: Section) -> str:
    blocks = [f"## {_escape(section.title)}", *(_escape(line) for line in section.lines)]
    if section.table is not None:
        blocks.append(_table(section.table))
    if section.numbered:
        blocks.append("\n".join(f"{number}. {_escape(item)}" for number, item in enumerate(section.numbered, 1)))
    return "\n\n".join(blocks)


def _table(table: Table) -> str:
    rule = ["---:" if index in table.numeric else "---" for index in range(len(table.headers))]
    rows = [table.headers, rule, *table.rows]
    return "\n".join("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")


def _escape(text: str) -> str:
    # Square brackets would turn a source key followed by a parenthesis into a link.
    return text.replace("[", "\\[").replace("]", "\\]")
