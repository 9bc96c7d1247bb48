"""Importing the same files twice changes nothing; a changed row with a known ref updates its record."""

from decimal import Decimal
from pathlib import Path

import pytest

from msaada.finance.models import Flow
from msaada.forces.models import Deployment, Pledge
from msaada.sources.models import Citation
from tests.exchange.files import BASE, outcomes, snapshot, write

pytestmark = pytest.mark.django_db

RECORDS = {
    **BASE,
    "mandates.csv": """
        authority,start,end,authorized_strength,source
        S/RES/2699,2023-10-02,2024-10-01,2500,res-2751
        S/RES/2751,2024-10-02,2025-10-02,2500,res-2751
    """,
    "pledges.csv": """
        ref,contributor,category,count,date,status,source
        KEN-1,KEN,police,1000,2023-07-29,pledged,art-1
        ,BHS,police,150,2024-02-01,pledged,art-1
    """,
    "deployments.csv": """
        contributor,unit,category,change,count,date,source
        KEN,Contingent 1,police,arrival,200,2024-06-25,art-1
        KEN,Contingent 1,police,arrival,200,2024-06-25,art-1
        GTM,Army,military,arrival,75,2025-01-03,art-1
    """,
    "flows.csv": """
        ref,fund,donor,stage,amount,currency,date,source
        CAN-1,mss-tf,can-gov,pledge,80500000,CAD,2024-02-22,art-1
        CAN-1,mss-tf,can-gov,paid,40000000,CAD,2024-04-26,art-1
        CAN-1,mss-tf,can-gov,paid,40500000,CAD,2024-09-01,art-1
    """,
}


def test_second_import_of_the_same_files_changes_nothing(db, tmp_path: Path) -> None:
    folder = write(tmp_path / "records", RECORDS)
    first = outcomes([folder])
    assert first["deployments.csv"] == (3, 0, 0)
    assert first["flows.csv"] == (3, 0, 0)
    after_first = snapshot()
    second = outcomes([folder])
    assert snapshot() == after_first
    assert all(created == updated == 0 for created, updated, _ in second.values())
    assert second["deployments.csv"] == (0, 0, 3)
    assert second["sources.csv"] == (0, 0, 3)


def test_identical_rows_without_ref_are_kept_as_two_records(db, tmp_path: Path) -> None:
    outcomes([write(tmp_path / "records", RECORDS)])
    assert Deployment.objects.filter(contributor__code="KEN").count() == 2


def test_argument_order_does_not_matter(db, tmp_path: Path) -> None:
    folder = write(tmp_path / "records", RECORDS)
    files = sorted(folder.iterdir(), reverse=True)
    result = outcomes(files)
    assert list(result)[:3] == ["sources.csv", "missions.csv", "organizations.csv"]
    assert result["flows.csv"] == (3, 0, 0)


def test_changed_row_with_known_ref_updates_the_record_and_its_history(db, tmp_path: Path) -> None:
    outcomes([write(tmp_path / "first", RECORDS)])
    pledge = Pledge.objects.get(ref="KEN-1")
    assert pledge.history.count() == 1
    changed = write(
        tmp_path / "second",
        {
            "pledges.csv": """
            ref,contributor,category,count,date,status,source
            KEN-1,KEN,police,1500,2023-07-29,confirmed,res-2751
        """,
        },
    )
    assert outcomes([changed]) == {"pledges.csv": (0, 1, 0)}
    pledge.refresh_from_db()
    assert (pledge.count, pledge.status) == (1500, "confirmed")
    assert Pledge.objects.count() == 2
    newest, oldest = pledge.history.all()[0], pledge.history.all()[1]
    changes = {c.field: (c.old, c.new) for c in newest.diff_against(oldest).changes}
    assert changes == {"count": (1000, 1500), "status": ("pledged", "confirmed")}
    assert list(
        Citation.objects.filter(object_id=pledge.pk, content_type__model="pledge").values_list("source__key", flat=True)
    ) == ["res-2751"]
    assert Citation.history.filter(history_type="-", object_id=pledge.pk).count() == 1


def test_changed_flow_instalment_updates_by_contribution_stage_and_date(db, tmp_path: Path) -> None:
    outcomes([write(tmp_path / "first", RECORDS)])
    corrected = write(
        tmp_path / "second",
        {
            "flows.csv": """
            ref,fund,donor,stage,amount,currency,date,source
            CAN-1,mss-tf,can-gov,paid,40000000.50,CAD,2024-04-26,art-1
        """,
        },
    )
    assert outcomes([corrected]) == {"flows.csv": (0, 1, 0)}
    assert Flow.objects.get(stage="paid", date="2024-04-26").amount == Decimal("40000000.5")
    assert Flow.objects.count() == 3


def test_a_changed_source_alone_updates_a_row_without_ref(db, tmp_path: Path) -> None:
    outcomes([write(tmp_path / "first", RECORDS)])
    recited = write(
        tmp_path / "second",
        {
            "deployments.csv": """
            contributor,unit,category,change,count,date,source
            GTM,Army,military,arrival,75,2025-01-03,res-2751
        """,
        },
    )
    assert outcomes([recited]) == {"deployments.csv": (0, 1, 0)}
    guatemala = Deployment.objects.get(contributor__code="GTM")
    assert [c.source.key for c in guatemala.citations.all()] == ["res-2751"]


def test_archived_record_in_a_file_is_restored(db, tmp_path: Path) -> None:
    folder = write(tmp_path / "records", RECORDS)
    outcomes([folder])
    Pledge.objects.get(ref="KEN-1").archive()
    assert outcomes([folder])["pledges.csv"] == (0, 1, 1)
    assert Pledge.objects.current().count() == 2
