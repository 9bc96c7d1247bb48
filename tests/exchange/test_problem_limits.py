"""A file wrong throughout lists its first problems and counts the rest, in bounded memory; extra cells are refused."""

import tracemalloc
from pathlib import Path

import pytest

from msaada.exchange.importer import PROBLEMS_PER_FILE, ImportFailed, import_records
from tests.exchange.files import outcomes, write

pytestmark = pytest.mark.django_db

HEADER = "contributor,category,count,date,status"


def test_a_large_file_wrong_on_every_line_lists_a_thousand_problems_and_counts_the_rest(
    base: Path, tmp_path: Path
) -> None:
    # Three bad cells a row (count, date, status), about 600 KB in all.
    rows = 20_000
    text = HEADER + "\n" + "KEN,police,1.5,2024-13-01,promised\n" * rows
    path = tmp_path / "bad" / "pledges.csv"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    assert 550_000 < path.stat().st_size < 750_000
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed) as failed:
            import_records([path], "MSS")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    listed = [str(problem) for problem in failed.value.problems]
    assert failed.value.count == 2 * rows  # the status is checked only once count and date are read
    assert len(listed) == PROBLEMS_PER_FILE + 1
    assert listed[:2] == [
        'pledges.csv:2: count: not a whole number "1.5"',
        'pledges.csv:2: date: not a date (YYYY-MM-DD) "2024-13-01"',
    ]
    assert listed[-1] == f"pledges.csv: {2 * rows - PROBLEMS_PER_FILE} more problems in this file, not listed"
    assert peak < 30 * 1024 * 1024


def test_each_file_lists_its_own_first_thousand(base: Path, tmp_path: Path) -> None:
    bad = "KEN,police,1.5,2024-01-01,pledged\n"
    folder = write(tmp_path / "bad", {"pledges.csv": HEADER + "\n" + bad * 1001})
    with (folder / "deployments.csv").open("w", encoding="utf-8") as out:
        out.write("contributor,unit,category,change,count,date\n" + "KEN,1st,police,arrival,x,2024-06-25\n" * 3)
    with pytest.raises(ImportFailed) as failed:
        import_records([folder], "MSS")
    listed = [str(problem) for problem in failed.value.problems]
    assert failed.value.count == 1004
    assert listed[1000] == "pledges.csv: 1 more problem in this file, not listed"
    assert listed[1001:] == [f'deployments.csv:{line}: count: not a whole number "x"' for line in (2, 3, 4)]


def test_blank_cells_past_the_header_are_not_extra_cells(base: Path, tmp_path: Path) -> None:
    folder = write(tmp_path / "good", {"pledges.csv": HEADER + "\nKEN,police,1000,2024-01-01,pledged,, "})
    assert outcomes([folder]) == {"pledges.csv": (1, 0, 0)}
