"""Claims of other sources: the alternative figure each gives, computed by hand, and their import."""

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msaada.exchange.importer import import_records
from msaada.readiness.brief import build_brief
from msaada.readiness.presenters import brief_markdown, brief_text
from msaada.sources.models import Claim
from tests.exchange.files import BASE, problems_of, snapshot, write
from tests.factories import cite, deploy, mandate, mission, pledge, source, spend
from tests.readiness.briefs import brief

pytestmark = pytest.mark.django_db

D = "2025-09-23"


def claim(of, file: str, record: str, field: str, value: str, *sources, note: str = "") -> Claim:
    made = Claim(mission=of, file=file, record=record, field=field, value=value, note=note)
    made.full_clean()
    made.save()
    cite(made, *sources)
    return made


def alternatives(data: dict) -> dict[str, tuple]:
    return {row["figure"]: (row["value"], row["alternative"], row["source"]) for row in data["claims"]}


def test_a_claimed_arrival_count_gives_the_alternative_strength():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", strength=2500)
    deploy(mss, "KEN", 991, "2025-06-26", ref="KEN-1")
    deploy(mss, "GTM", 150, "2025-01-03")
    claim(mss, "deployments", "KEN-1", "count", "732", source("reuters"), note="Ruto's note")
    data = brief(mss, D)
    assert alternatives(data) == {
        "strength.by_contributor.KEN.deployed": (991, 732, "reuters"),
        "strength.deployed": (1141, 882, "reuters"),  # 991 + 150, then 732 + 150
        "strength.deployed_pct": (45.6, 35.3, "reuters"),  # 1,141 / 2,500 = 45.64 %; 882 / 2,500 = 35.28 %
    }
    assert data["claims"][0]["note"] == "Ruto's note"
    assert data["claims"][0]["record"] == {
        "file": "deployments",
        "record": "KEN-1",
        "field": "count",
        "recorded": "991",
        "claimed": "732",
    }
    assert "reuters" in {row["key"] for row in data["sources"]}  # the claim's source is listed with the others


def test_a_claimed_mandate_end_moves_days_left_the_gap_and_uncovered_days():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="Res. 2751")
    spend(mss, "900", "2025-09-01")  # burn 900 / 90 = 10 a day; cash -900
    claim(mss, "mandates", "Res. 2751", "end", "2025-10-01", source("sc15838"))
    assert alternatives(brief(mss, D)) == {
        "mandate.end": ("2025-10-02", "2025-10-01", "sc15838"),
        "mandate.days_left": (9, 8, "sc15838"),
        "funding.gap_to_mandate_end": ("990.00", "980.00", "sc15838"),  # 10 * 9 + 900, then 10 * 8 + 900
    }


def test_a_claim_on_a_record_the_brief_does_not_count_gives_no_alternative():
    mss = mission()
    deploy(mss, "KEN", 100, "2025-10-01", ref="LATER")  # after D
    old = pledge(mss, "KEN", 1000, "2024-02-29")
    old.ref = "OLD"
    old.save()
    pledge(mss, "KEN", 800, "2025-01-01")  # replaces the 1,000
    claim(mss, "deployments", "LATER", "count", "300", source("a"))
    claim(mss, "pledges", "OLD", "count", "1200", source("b"))
    assert brief(mss, D)["claims"] == []


def test_a_claimed_date_moves_an_arrival_out_of_the_brief():
    mss = mission()
    deploy(mss, "KEN", 200, "2024-06-25", ref="KEN-1")
    claim(mss, "deployments", "KEN-1", "date", "2025-10-01", source("a"))
    assert alternatives(brief(mss, D))["strength.deployed"] == (200, 0, "a")


def test_text_and_markdown_show_the_alternative_with_its_source():
    mss = mission()
    deploy(mss, "KEN", 200, "2024-06-25", ref="KEN-1")
    claim(mss, "deployments", "KEN-1", "count", "400", source("alterpresse"), note="A first group of 400.")
    made = build_brief(mss, date(2025, 9, 23))
    for rendered in (brief_text(made, width=200), brief_markdown(made)):
        assert "KEN-1: count 400 per" in rendered
        assert "alterpresse" in rendered
        assert "Deployed 200, else 400" in rendered  # 200 recorded; 400 claimed
        assert "A first group of 400." in rendered
    assert "| Kenya (KEN) | 200 ‡ | 0 |" in brief_markdown(made)


def test_a_claim_must_name_a_record_a_column_and_a_value_its_field_holds():
    mss = mission()
    deploy(mss, "KEN", 200, "2024-06-25", ref="KEN-1")
    for fields, column in (
        ({"file": "notes"}, "file"),
        ({"record": "KEN-9"}, "record"),
        ({"field": "colour"}, "field"),
        ({"field": "contributor", "value": "JAM"}, "field"),
        ({"value": "many"}, "value"),
    ):
        values = {"file": "deployments", "record": "KEN-1", "field": "count", "value": "400"} | fields
        with pytest.raises(ValidationError) as invalid:
            Claim(mission=mss, **values).full_clean()
        assert column in invalid.value.message_dict


CLAIMS = {
    "mandates.csv": """
        authority,start,end,authorized_strength,source
        Res. 2751,2024-10-02,2025-10-02,2500,res-2751
    """,
    "deployments.csv": """
        ref,contributor,unit,category,change,count,date,source
        KEN-1,KEN,First contingent,police,arrival,200,2024-06-25,art-1
    """,
}


def test_claims_import_attaches_each_to_its_record(tmp_path: Path):
    good = {
        "claims.csv": """
            file,record,field,value,note,source
            deployments,KEN-1,count,400,AlterPresse says 400,art-1
            mandates,Res. 2751,end,2025-10-01,,res-2751
        """
    }
    folder = write(tmp_path / "in", BASE | CLAIMS | good)
    import_records([folder], "MSS")
    claims = {(c.file, c.record): c for c in Claim.objects.all()}
    assert claims[("deployments", "KEN-1")].target.count == 200
    assert claims[("mandates", "Res. 2751")].target.end == date(2025, 10, 2)
    assert [c.source.key for c in claims[("deployments", "KEN-1")].citations.all()] == ["art-1"]
    import_records([folder], "MSS")  # the same file twice changes nothing
    assert Claim.objects.count() == 2


def test_claims_import_is_all_or_nothing_with_every_bad_row_reported(tmp_path: Path):
    bad = {
        "claims.csv": """
            file,record,field,value,note,source
            deployments,KEN-1,count,400,fine,art-1
            deployments,KEN-9,count,400,,art-1
            deployments,KEN-1,colour,red,,art-1
            mandates,Res. 2751,end,1 Oct 2025,,res-2751
            notes,KEN-1,count,1,,art-1
        """
    }
    folder = write(tmp_path / "in", BASE | CLAIMS | bad)
    before = snapshot()
    assert problems_of([folder]) == [
        'claims.csv:3: record: No record of this file has this ref or key in the mission. "KEN-9"',
        'claims.csv:4: field: Not a column of the file: contributor, unit, category, change, count, date. "colour"',
        "claims.csv:5: value: “1 Oct 2025” value has an invalid date format. It must be in YYYY-MM-DD format. "
        '"1 Oct 2025"',
        'claims.csv:6: file: No kind of a mission\'s record is exchanged in this file. "notes"',
    ]
    assert snapshot() == before


def test_the_brief_reads_claims_in_the_same_number_of_queries_however_many_there_are():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="Res. 2751")
    said = source("said")

    def counted() -> int:
        with CaptureQueriesContext(connection) as queries:
            build_brief(mss, date(2025, 9, 23))
        return len(queries)

    def add(first: int, n: int) -> None:
        for i in range(first, first + n):
            deploy(mss, "KEN", 10, "2025-01-01", ref=f"K{i}")
            claim(mss, "deployments", f"K{i}", "count", "20", said)
            claim(mss, "mandates", "Res. 2751", "end", f"2025-10-{i % 9 + 1:02d}", said)
            promised = pledge(mss, "JAM", 100 + i, f"2025-01-{i + 1:02d}")
            promised.ref = f"P{i}"
            promised.save()
            claim(mss, "pledges", f"P{i}", "count", "50", said)

    add(0, 1)
    few = counted()
    add(1, 20)
    assert counted() == few
