"""The risks together: their order, and which rules fire without a mandate."""

from datetime import date

import pytest
from django.utils import translation

from msaada.readiness.brief import brief_json, build_brief
from tests.factories import contract, deploy, flow, mandate, mission, pledge, site, spend, status
from tests.readiness.briefs import brief, risk_codes

pytestmark = pytest.mark.django_db

D = "2025-09-23"


def troubled(with_mandate: bool):
    """A mission where every rule that can fire does; records written out of the expected order."""
    mss = mission()
    if with_mandate:
        mandate(mss, "2024-10-02", "2025-10-02", strength=2500)  # 9 days left
    pledge(mss, "KEN", 1000, "2023-10-02")
    deploy(mss, "KEN", 732, "2024-06-25")  # low: 732 * 2 >= 1000
    pledge(mss, "BLZ", 50, "2024-02-29")
    deploy(mss, "BLZ", 2, "2024-09-12")  # medium
    pledge(mss, "BHS", 150, "2024-02-29")
    deploy(mss, "BHS", 6, "2024-10-19")  # medium
    flow(mss, "pledge", "10000", "2025-01-01")
    flow(mss, "paid", "6700", "2025-02-01")  # 3300 of 10000 unpaid: 33 %
    spend(mss, "6300", "2025-09-01")  # cash 6700 - 6300 = 400: runway floor(400 * 90 / 6300) = 5 days
    contract(mss, "Water", "2025-01-01", "2025-09-30")
    contract(mss, "Accommodation", "2025-01-01", "2025-09-30")
    airport = site(mss, "Airport")
    status(airport, "2024-05-20", "reopened")
    status(airport, "2025-09-01", "hostile")
    return mss


def test_risks_are_ordered_by_severity_then_code_then_subject():
    data = brief(troubled(with_mandate=True), D)
    assert risk_codes(data) == [
        ("CAPACITY_SHORT", "high", "Accommodation"),  # each contract is for 100, 740 deployed
        ("CAPACITY_SHORT", "high", "Water"),
        ("FUNDING_RUNWAY", "high", None),
        ("MANDATE_EXPIRY", "high", None),
        ("SERVICE_GAP", "high", "Accommodation"),
        ("SERVICE_GAP", "high", "Water"),
        ("SITE_LOST", "high", "Airport"),
        ("STRENGTH_GAP", "high", None),  # 740 / 2500 = 29.6 %
        ("PLEDGE_SHORTFALL", "medium", "BHS"),
        ("PLEDGE_SHORTFALL", "medium", "BLZ"),
        ("UNPAID_PLEDGES", "medium", None),
        ("PLEDGE_SHORTFALL", "low", "KEN"),
    ]
    assert data["funding"]["runway_days"] == 5
    assert data["strength"]["deployed_pct"] == 29.6


def test_without_a_mandate_only_the_rules_that_need_none_fire():
    data = brief(troubled(with_mandate=False), D)
    assert data["mandate"] is None
    assert [line["gap_days_before_mandate_end"] for line in data["life_support"]] == [None, None]
    assert data["funding"]["runway_days"] == 5
    assert risk_codes(data) == [
        ("CAPACITY_SHORT", "high", "Accommodation"),  # against the force deployed, which needs no mandate
        ("CAPACITY_SHORT", "high", "Water"),
        ("SITE_LOST", "high", "Airport"),
        ("PLEDGE_SHORTFALL", "medium", "BHS"),
        ("PLEDGE_SHORTFALL", "medium", "BLZ"),
        ("UNPAID_PLEDGES", "medium", None),
        ("PLEDGE_SHORTFALL", "low", "KEN"),
    ]


def test_medium_risks_follow_the_high_ones_by_code():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-11-22", strength=100)  # 60 days left: medium
    deploy(mss, "KEN", 70, "2025-01-01")  # 70 %: medium
    contract(mss, "Fuel", "2025-01-01", "2025-11-01")  # 39 days after D: medium
    contract(mss, "Rations", "2025-01-01", "2025-10-01")  # 8 days after D: high
    assert risk_codes(brief(mss, D)) == [
        ("SERVICE_GAP", "high", "Rations"),
        ("MANDATE_EXPIRY", "medium", None),
        ("SERVICE_GAP", "medium", "Fuel"),
        ("STRENGTH_GAP", "medium", None),
    ]


def test_a_healthy_mission_has_no_risks():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=100)
    pledge(mss, "KEN", 90, "2025-01-01")
    deploy(mss, "KEN", 90, "2025-01-01")
    flow(mss, "pledge", "1000", "2025-01-01")
    flow(mss, "paid", "1000", "2025-01-01")
    spend(mss, "1", "2025-09-01")
    contract(mss, "Rations", "2025-01-01", "2026-12-31")
    status(site(mss, "Airport"), "2025-01-01", "secured")
    assert brief(mss, D)["risks"] == []


def test_a_risk_is_written_in_the_language_it_is_read_in_not_the_one_it_was_computed_in():
    mss = troubled(with_mandate=True)
    with translation.override("fr"):
        computed_in_french = build_brief(mss, date(2025, 9, 23))
    with translation.override("en"):
        computed_in_english = build_brief(mss, date(2025, 9, 23))
        read_in_english = {risk.subject: risk.message for risk in computed_in_french.risks}
        json_in_english = [risk["message"] for risk in brief_json(computed_in_french)["risks"]]
    with translation.override("fr"):
        read_in_french = {risk.subject: risk.message for risk in computed_in_english.risks}
    assert read_in_english["Water"] == "Water: covered until 30 Sep 2025, 2 days before the mandate ends on 2 Oct 2025"
    assert read_in_english["BLZ"] == "Belize: 2 deployed of 50 pledged"
    assert read_in_french["Water"] == (
        "Water\xa0: couvert jusqu’au 30 sept. 2025, 2 jours avant la fin du mandat le 2 oct. 2025"
    )
    assert read_in_french["BLZ"] == "Belize\xa0: 2 déployés sur 50 promis"
    assert json_in_english == [risk.message for risk in computed_in_english.risks]
