"""A figure resting in whole or part on an illustrative input carries the mark, in JSON, text and Markdown."""

from datetime import date
from decimal import Decimal

import pytest

from msaada.readiness.brief import build_brief
from msaada.readiness.presenters import brief_markdown, brief_text
from tests.factories import (
    asset,
    cite,
    contract,
    deploy,
    flow,
    incident,
    mandate,
    mission,
    organization,
    rate,
    site,
    source,
    spend,
    status,
)
from tests.readiness.briefs import brief

pytestmark = pytest.mark.django_db

D = "2025-09-23"


def test_illustrative_spending_marks_spent_cash_burn_runway_gap_and_the_runway_risk():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "950", "2025-01-01")
    cite(spend(mss, "900", "2025-09-01"), source("made-up", kind="illustrative"))
    data = brief(mss, D)
    # Cash 950 - 900 = 50 at 900 / 90 = 10 a day: 5 days, to 28 Sep 2025, before the mandate's end.
    assert (data["funding"]["runway_days"], data["risks"][0]["code"]) == (5, "FUNDING_RUNWAY")
    assert data["illustrative"] == [
        "funding.cash",
        "funding.daily_burn",
        "funding.gap_to_mandate_end",
        "funding.runway_days",
        "funding.runway_end",
        "funding.spent",
        "risks.FUNDING_RUNWAY",
    ]
    assert (
        "(illustrative)"
        in brief_markdown(build_brief(mss, date(2025, 9, 23))).split("FUNDING_RUNWAY")[1].split("\n")[0]
    )


def test_only_the_figures_an_illustrative_input_feeds_are_marked():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "1000", "2025-01-01")  # cited by nothing illustrative
    cite(spend(mss, "900", "2025-09-01"), source("made-up", kind="illustrative"))
    deploy(mss, "GTM", 150, "2025-01-03")
    cite(deploy(mss, "KEN", 200, "2024-06-25"), source("guess", kind="illustrative"))
    marked = brief(mss, D)["illustrative"]
    # Cash 1,000 - 900 = 100 at 10 a day: 10 days, to 3 Oct 2025, after the mandate's end: no runway risk.
    assert marked == [
        "funding.cash",
        "funding.daily_burn",
        "funding.gap_to_mandate_end",
        "funding.runway_days",
        "funding.runway_end",
        "funding.spent",
        "risks.STRENGTH_GAP",  # 350 of 1,000 authorized, on the marked deployed_pct
        "strength.by_contributor.KEN.deployed",
        "strength.deployed",
        "strength.deployed_pct",
    ]


def test_an_illustrative_rate_marks_the_money_it_converts():
    mss = mission()
    cite(rate("CAD", "2024-01-01", "1.25"), source("made-up", kind="illustrative"))
    organization()
    flow(mss, "pledge", "1000", "2024-06-01", currency="CAD")
    flow(mss, "paid", "1000", "2024-06-01")
    assert brief(mss, D)["illustrative"] == ["funding.pledged"]


def test_text_and_markdown_mark_the_figure_itself():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "10000", "2025-01-01")
    cite(spend(mss, "900", "2025-09-01"), source("made-up", kind="illustrative"))
    made = build_brief(mss, date(2025, 9, 23))
    markdown = brief_markdown(made)
    assert "| Spent | USD 900.00 (illustrative) |" in markdown
    assert "| Paid | USD 10,000.00 |" in markdown  # paid rests on no illustrative input
    # Cash 9,100 at 10 a day: 910 days, to 21 Mar 2028.
    assert "Runway: 910 days, to 21 Mar 2028 (illustrative)." in brief_text(made, width=200)


def test_an_illustrative_contract_or_site_status_marks_its_line_or_site_and_the_risks_on_them():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    guess = source("guess", kind="illustrative")
    cite(contract(mss, "Rations", "2024-06-01", "2025-09-30"), guess)  # ends 2 days before the mandate
    contract(mss, "Fuel", "2024-06-01", "2025-10-02")
    airport = site(mss, "Airport")
    status(airport, "2024-05-20", "reopened")
    cite(status(airport, "2024-11-11", "hostile"), guess)  # lost after it was reopened
    assert brief(mss, D)["illustrative"] == [
        "life_support.Rations.capacity",  # the contract running on D provides its 100 places
        "life_support.Rations.covered_until",
        "life_support.Rations.gap_days_before_mandate_end",
        "risks.CAPACITY_SHORT.Rations",  # 100 places against 1,000 authorized
        "risks.SERVICE_GAP.Rations",
        "risks.SITE_LOST.Airport",
        "sites.Airport.since",
        "sites.Airport.status",
    ]


def test_illustrative_assets_mark_their_kind_and_its_equipment_risk_only():
    mss = mission()
    guess = source("guess", kind="illustrative")
    cite(asset(mss, "2025-09-01", 10, 4, kind="Armoured vehicle"), guess)  # 40 %: EQUIPMENT_SHORT high
    asset(mss, "2025-09-01", 3, 1, kind="Helicopter")  # 33.3 %, sourced: no mark
    cite(asset(mss, "2025-09-24", 10, 10, kind="Helicopter"), guess)  # after D: not read
    data = brief(mss, D)
    assert {risk["subject"] for risk in data["risks"] if risk["code"] == "EQUIPMENT_SHORT"} == {
        "Armoured vehicle",
        "Helicopter",
    }
    assert data["illustrative"] == [
        "equipment.Armoured vehicle.operational",
        "equipment.Armoured vehicle.operational_pct",
        "equipment.Armoured vehicle.total",
        "risks.EQUIPMENT_SHORT.Armoured vehicle",
    ]


def test_an_illustrative_incident_marks_the_window_its_event_type_and_the_sites_within_2_km():
    mss = mission()
    guess = source("guess", kind="illustrative")
    site(mss, "Palace", latitude="18.54", longitude="-72.34")
    site(mss, "Airport", latitude="18.58", longitude="-72.29")  # about 7 km from the palace
    status(mss.site_set.get(name="Palace"), "2025-01-01", "secured")
    for on in ("2025-09-01", "2025-09-10"):
        incident(mss, on, fatalities=2)  # sourced, at the palace
    cite(incident(mss, "2025-09-20", event_type="Riots", fatalities=1), guess)  # at the palace too
    incident(mss, "2025-09-21", latitude=Decimal("18.58"), longitude=Decimal("-72.29"))  # at the airport, sourced
    data = brief(mss, D)
    # Three incidents within 2 km of the secured palace: SITE_THREATENED, resting partly on the guess.
    assert [risk["subject"] for risk in data["risks"] if risk["code"] == "SITE_THREATENED"] == ["Palace"]
    assert data["illustrative"] == [
        "incidents.by_event_type.Riots.count",
        "incidents.by_event_type.Riots.fatalities",
        "incidents.count",
        "incidents.fatalities",
        "risks.SITE_THREATENED.Palace",
        "sites.Palace.incidents_nearby",
    ]
    text = brief_text(build_brief(mss, date(2025, 9, 23)), width=200)
    assert "4 (illustrative) incidents and 5 (illustrative) fatalities" in text
    assert "Palace: 3 (illustrative) within 2 km." in text and "Airport: 1 within 2 km." in text
