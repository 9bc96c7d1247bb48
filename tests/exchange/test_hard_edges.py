"""Values at the edges of what a record may hold are refused as `file:line: column: problem`, never a traceback."""

from pathlib import Path

import pytest

from msaada.exchange import cells
from msaada.missions.models import Mandate
from tests.exchange.files import outcomes, problems_of, snapshot, write

pytestmark = pytest.mark.django_db

FLOW = "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,can-gov,paid,{},USD,2024-04-01"
PLEDGE = "contributor,category,count,date,status\nKEN,police,{},{},pledged"
DEPLOYMENT = "contributor,unit,category,change,count,date\nKEN,{},police,arrival,5,2024-06-25"

EDGES = [
    pytest.param(
        "flows.csv",
        FLOW.format("922337203685477.5807"),
        'flows.csv:2: amount: too large (at most 1000000000000) "922337203685477.5807"',
        id="amount-that-would-overflow-a-sum",
    ),
    pytest.param(
        "pledges.csv",
        PLEDGE.format(2**63 - 1, "2024-01-01"),
        f'pledges.csv:2: count: too large (at most 1000000000) "{2**63 - 1}"',
        id="count-of-2-to-the-63",
    ),
    pytest.param(
        "pledges.csv",
        PLEDGE.format(1, "0001-01-01"),
        'pledges.csv:2: date: must be on or after 1900-01-01 "0001-01-01"',
        id="date-before-1900",
    ),
    pytest.param(
        "pledges.csv",
        PLEDGE.format(1, "2025-W40-4"),
        'pledges.csv:2: date: not a date (YYYY-MM-DD) "2025-W40-4"',
        id="week-date",
    ),
    pytest.param(
        "pledges.csv",
        PLEDGE.format(1, "٢٠٢٥-١٠-٠٢"),
        'pledges.csv:2: date: not a date (YYYY-MM-DD) "٢٠٢٥-١٠-٠٢"',
        id="arabic-indic-date",
    ),
    pytest.param(
        "pledges.csv",
        PLEDGE.format("１０", "2024-01-01"),
        'pledges.csv:2: count: not a whole number "１０"',
        id="full-width-count",
    ),
    pytest.param(
        "flows.csv",
        FLOW.format("١٠"),
        'flows.csv:2: amount: not a plain decimal number "١٠"',
        id="arabic-indic-amount",
    ),
    pytest.param(
        "deployments.csv",
        DEPLOYMENT.format("First\x00contingent"),
        'deployments.csv:2: unit: contains a NUL character "First\x00contingent"',
        id="nul-byte",
    ),
    pytest.param(
        "deployments.csv",
        DEPLOYMENT.format("x" * 5000),
        'deployments.csv:2: unit: Ensure this value has at most 200 characters (it has 5000). "' + "x" * 60 + '…"',
        id="long-value-echoed-cut",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), EDGES)
def test_a_value_at_the_edge_is_refused_and_nothing_written(base: Path, tmp_path: Path, name, text, expected) -> None:
    before = snapshot()
    folder = write(tmp_path / "bad", {name: text})
    assert problems_of([folder]) == [expected]
    assert snapshot() == before


def test_the_largest_amount_and_count_and_the_last_day_are_accepted(base: Path, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "edge",
        {
            "flows.csv": FLOW.format("1000000000000"),
            "pledges.csv": PLEDGE.format(10**9, "9999-12-31"),
            "mandates.csv": "authority,start,end,authorized_strength\nOpen-ended,1900-01-01,9999-12-31,1000000000",
        },
    )
    assert outcomes([folder]) == {"mandates.csv": (1, 0, 0), "flows.csv": (1, 0, 0), "pledges.csv": (1, 0, 0)}
    assert Mandate.objects.get().end.isoformat() == "9999-12-31"


def test_an_echoed_value_is_cut_after_sixty_characters() -> None:
    assert cells.echo("y" * 60) == "y" * 60
    assert cells.echo("y" * 61) == "y" * 60 + "…"


def test_an_empty_folder_is_an_error_not_an_import_of_nothing(tmp_path: Path, capsys) -> None:
    from django.core.management import CommandError, call_command

    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a file of the format")
    with pytest.raises(CommandError, match=r"import failed: 1 problem\(s\), nothing written"):
        call_command("import", str(folder), "--mission", "MSS")
    assert f"{folder}: no file of the import format here" in capsys.readouterr().err
