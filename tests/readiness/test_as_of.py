"""Time travel and archiving: records dated after the brief's date, or archived, change nothing in it."""

import json
from datetime import date

import pytest

from msaada.missions.models import Site
from msaada.readiness.brief import brief_json, build_brief
from msaada.readiness.presenters import brief_markdown, brief_text
from tests.factories import cite, contract, deploy, flow, mandate, pledge, rate, site, source, spend, status
from tests.readiness.briefs import brief, full_mission, risks

pytestmark = pytest.mark.django_db

D = "2025-09-23"
LATER = "2025-09-24"


def everything(mss) -> tuple[str, str, str]:
    """The brief of D as JSON text, terminal text and Markdown."""
    figures = build_brief(mss, date.fromisoformat(D))
    return json.dumps(brief_json(figures), sort_keys=True), brief_text(figures), brief_markdown(figures)


def test_records_dated_after_the_date_leave_the_brief_unchanged():
    mss = full_mission()
    before = everything(mss)
    later = source("later-article", kind="news", on=LATER)
    airport = Site.objects.get(name="Toussaint Louverture International Airport")
    palace = Site.objects.get(name="National Palace")
    for record in (
        deploy(mss, "KEN", 500, LATER),
        deploy(mss, "BHS", 8, LATER, change="departure"),
        deploy(mss, "GTM", 150, LATER),  # a new contributor
        pledge(mss, "KEN", 2000, LATER),
        pledge(mss, "BHS", 150, LATER, status="withdrawn"),
        pledge(mss, "SLV", 78, LATER),
        mandate(mss, LATER, "2026-10-01", strength=5550, authority="UNSC resolution 2793 (2025)"),
        rate("CAD", LATER, "1.2"),
        flow(mss, "pledge", "1000000", LATER),
        flow(mss, "commitment", "1000000", LATER, ref="NEW"),
        flow(mss, "paid", "635", LATER, currency="CAD", ref="CAN"),  # would pay the CAD contribution in full
        spend(mss, "999999", LATER),
        status(airport, LATER, "secured"),
        status(palace, LATER, "secured"),
        # On a line already listed, after a gap in its coverage: a contract touching the run would extend it,
        # and one on a new line would list the line (contracts of any date are listed: README, the brief).
        contract(mss, "Accommodation", "2025-10-02", "2026-09-30"),
    ):
        cite(record, later)
    assert everything(mss) == before
    # The later records are real: the brief of the next day shows them.
    next_day = brief(mss, LATER)
    assert next_day["mandate"]["authority"] == "UNSC resolution 2793 (2025)"
    assert next_day["strength"]["deployed"] == 379 + 500 - 8 + 150
    assert next_day["funding"]["unpaid_commitments"] == "1000000.00"  # CAN paid in full; NEW not at all
    assert risks(next_day, "SITE_LOST") == []  # the airport is secured again
    assert "later-article" in {row["key"] for row in next_day["sources"]}


def test_earlier_brief_of_a_later_dated_mission_is_as_it_was():
    mss = full_mission()
    assert brief(mss, "2024-06-24")["strength"]["deployed"] == 0
    assert brief(mss, "2024-06-25")["strength"]["deployed"] == 400
    assert brief(mss, "2024-10-01")["mandate"]["authority"] == "UNSC resolution 2699 (2023)"
    assert brief(mss, "2024-10-02")["mandate"]["authority"] == "UNSC resolution 2751 (2024)"
    early = brief(mss, "2024-06-20")["funding"]
    # CAD 1355 at 1.355 + 2000 pledged; CAD 1355 committed; 1500 paid; CAD 1355 unpaid at 1.355
    assert (early["pledged"], early["committed"], early["paid"], early["unpaid_commitments"]) == (
        "3000.00",
        "1000.00",
        "1500.00",
        "1000.00",
    )


def test_archived_records_are_left_out():
    mss = full_mission()
    before = everything(mss)
    airport = Site.objects.get(name="Toussaint Louverture International Airport")
    extra = source("archived-record-source", kind="news")
    records = [
        deploy(mss, "KEN", 500, "2025-01-01"),
        pledge(mss, "KEN", 2000, "2025-01-01"),  # would replace the 1000
        pledge(mss, "BLZ", 50, "2025-02-01"),  # would replace the withdrawal
        mandate(mss, "2025-09-01", "2026-09-01", strength=5000, authority="Extra"),
        rate("CAD", "2025-02-01", "1.2"),  # would convert the CAD payment and the unpaid CAD differently
        flow(mss, "paid", "100", "2025-03-01"),
        flow(mss, "commitment", "100", "2025-03-01", ref="X"),
        spend(mss, "100", "2025-09-01"),
        contract(mss, "Accommodation", "2025-10-01", "2025-12-31"),  # would extend the run
        contract(mss, "Medical", "2025-01-01", "2025-12-31"),  # would list a line
        status(airport, "2025-09-01", "secured"),
        site(mss, "Extra site"),
    ]
    for record in records:
        cite(record, extra)
    assert everything(mss) != before
    for record in records:
        record.archive()
    assert everything(mss) == before


def test_an_archived_rate_falls_back_to_the_one_before():
    mss = full_mission()
    rate("CAD", "2025-01-15", "0.72").archive()  # CAD 720 at 0.72 would be USD 1000
    assert brief(mss, D)["funding"]["paid"] == "2000.00"  # CAD 720 at 1.44 + 1500
