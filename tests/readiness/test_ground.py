"""The ground and the gear in the brief: equipment, capacity, incidents and the rules on them, at their boundaries."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from msaada.readiness import geo
from tests.factories import (
    asset,
    cite,
    contract,
    deploy,
    incident,
    mandate,
    mission,
    organization,
    site,
    source,
    status,
)
from tests.readiness.briefs import brief, risk_codes, risks

pytestmark = pytest.mark.django_db

D = "2025-09-23"  # the window runs from D-29 = 2025-08-25 to D


def equipment(data: dict) -> list[tuple]:
    return [(row["kind"], row["total"], row["operational"], row["operational_pct"]) for row in data["equipment"]]


def test_of_two_asset_records_on_the_same_date_the_later_one_counts():
    mss = mission()
    asset(mss, "2025-08-01", 20, 20)  # older: replaced
    asset(mss, "2025-09-01", 10, 10)
    asset(mss, "2025-09-01", 10, 4)  # same date, later row: this one
    asset(mss, "2025-09-24", 10, 10)  # after D: not yet
    asset(mss, "2025-06-01", 6, 6, owner=organization("canada"))  # another owner adds up
    data = brief(mss, D)
    # 10 + 6 = 16 held, 4 + 6 = 10 work: 62.5 %
    assert equipment(data) == [("vehicle", 16, 10, 62.5)]
    assert risk_codes(data) == [("EQUIPMENT_SHORT", "medium", "vehicle")]


@pytest.mark.parametrize(
    ("total", "operational", "pct", "expected"),
    [
        (4, 2, 50.0, [("EQUIPMENT_SHORT", "medium", "vehicle")]),  # exactly 50: not under 50
        (1000, 499, 49.9, [("EQUIPMENT_SHORT", "high", "vehicle")]),
        (4, 3, 75.0, []),  # exactly 75: not under 75
        (1000, 749, 74.9, [("EQUIPMENT_SHORT", "medium", "vehicle")]),
        (8, 5, 62.5, [("EQUIPMENT_SHORT", "medium", "vehicle")]),  # 62.5 exactly, no rounding
        (3, 2, 66.7, [("EQUIPMENT_SHORT", "medium", "vehicle")]),  # 66.66.. rounds up
        (0, 0, None, []),  # none held: no share, no risk
    ],
)
def test_operational_share_at_its_thresholds(total, operational, pct, expected):
    mss = mission()
    asset(mss, "2025-09-01", total, operational)
    data = brief(mss, D)
    assert equipment(data) == [("vehicle", total, operational, pct)]
    assert risk_codes(data) == expected


def test_operational_share_rounds_half_to_even():
    mss = mission()
    asset(mss, "2025-09-01", 400, 1, kind="radio")  # 0.25 % rounds to 0.2
    asset(mss, "2025-09-01", 400, 3, kind="truck")  # 0.75 % rounds to 0.8
    assert [row[3] for row in equipment(brief(mss, D))] == [0.2, 0.8]


def test_equipment_short_evidence_and_message():
    mss = mission()
    asset(mss, "2025-09-01", 12, 5, kind="Armoured vehicle")  # 5 / 12 = 41.66.. %: 41.7
    [risk] = risks(brief(mss, D), "EQUIPMENT_SHORT")
    assert (risk["severity"], risk["subject"]) == ("high", "Armoured vehicle")
    assert risk["evidence"] == {"kind": "Armoured vehicle", "total": 12, "operational": 5, "operational_pct": 41.7}
    assert risk["message"] == "Armoured vehicle: 5 of 12 operational (41.7 %)"


def capacity_of(data: dict) -> dict:
    return {line["service_line"]: line["capacity"] for line in data["life_support"]}


def test_capacity_equal_to_the_force_deployed_and_authorized_is_no_risk():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=1300)
    deploy(mss, "KEN", 1300, "2025-06-01")
    contract(mss, "Accommodation", "2025-01-01", "2025-12-31", capacity=1000)
    contract(mss, "Accommodation", "2025-09-23", "2025-12-31", capacity=300)  # starts on D: runs
    contract(mss, "Accommodation", "2025-01-01", "2025-09-22", capacity=500)  # ended the day before D
    data = brief(mss, D)
    assert capacity_of(data) == {"Accommodation": 1300}  # 1,000 + 300
    assert risks(data, "CAPACITY_SHORT") == []


def test_capacity_one_below_the_force_deployed_is_high():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=1300)
    deploy(mss, "KEN", 1300, "2025-06-01")
    contract(mss, "Accommodation", "2025-01-01", "2025-12-31", capacity=1299)
    [risk] = risks(brief(mss, D), "CAPACITY_SHORT")
    assert (risk["severity"], risk["subject"]) == ("high", "Accommodation")
    assert risk["evidence"] == {
        "service_line": "Accommodation",
        "capacity": 1299,
        "deployed": 1300,
        "authorized": 1300,
    }
    assert risk["message"] == "Accommodation: capacity for 1,299, 1,300 deployed"


def test_capacity_for_the_force_deployed_but_not_the_authorized_is_medium():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=2500)
    deploy(mss, "KEN", 1300, "2025-06-01")
    contract(mss, "Accommodation", "2025-01-01", "2025-12-31", capacity=1300)  # 1,300 = deployed < 2,500
    contract(mss, "Rations", "2025-01-01", "2025-12-31", capacity=2500)  # = authorized: no risk
    data = brief(mss, D)
    assert [risk for risk in risk_codes(data) if risk[0] == "CAPACITY_SHORT"] == [
        ("CAPACITY_SHORT", "medium", "Accommodation")
    ]
    assert (
        risks(data, "CAPACITY_SHORT")[0]["message"]
        == "Accommodation: capacity for 1,300, short of the 2,500 authorized"
    )


def test_a_line_whose_running_contracts_are_all_for_no_one_is_not_capacity_bound():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=2500)
    deploy(mss, "KEN", 1300, "2025-06-01")
    contract(mss, "Fuel", "2025-01-01", "2025-12-31", capacity=0)
    contract(mss, "Fuel", "2025-06-01", "2025-12-31", capacity=0)
    contract(mss, "Fuel", "2024-01-01", "2024-12-31", capacity=5000)  # not running on D
    contract(mss, "Medical", "2024-01-01", "2024-12-31", capacity=100)  # nothing covers D
    data = brief(mss, D)
    assert capacity_of(data) == {"Fuel": None, "Medical": None}
    assert risks(data, "CAPACITY_SHORT") == []


def nearby_of(data: dict) -> dict:
    return {row["name"]: row["incidents_nearby"] for row in data["sites"]}


def test_an_incident_2_km_away_is_near_and_one_2_001_km_away_is_not():
    # Along a meridian the great-circle distance is R * dlat: 6371.0088 * pi / 180 = 111.19508 km a degree.
    # 0.017986 degrees: 1.99995 km (the nearest the import writes to 2 km, in); 0.017987: 2.00007 km (out);
    # 0.017996: 2.00107 km, past 2.001 km (out).
    mss = mission()
    site(mss, "Airport", latitude="18.58", longitude="-72.29")
    status(site(mss, "Elsewhere", latitude="10", longitude="10"), "2025-01-01", "secured")
    for north in ("18.597986", "18.597987", "18.597996"):
        incident(mss, "2025-09-20", latitude=Decimal(north), longitude=Decimal("-72.29"))
    assert nearby_of(brief(mss, D)) == {"Airport": 1, "Elsewhere": 0}
    assert geo.distance_km(Decimal("18.58"), Decimal("-72.29"), Decimal("18.597986"), Decimal("-72.29")) == (
        pytest.approx(1.99995, abs=1e-5)
    )


def test_east_west_distance_shrinks_with_the_latitude():
    # Along the parallel of 18.58 degrees, 2 km is about 2 / (111.19508 * cos 18.58) = 0.018976 degrees of
    # longitude: 0.018967 east (1.99911 km) is in, 0.018978 east (2.00027 km) out.
    mss = mission()
    site(mss, "Airport", latitude="18.58", longitude="-72.29")
    incident(mss, "2025-09-20", latitude=Decimal("18.58"), longitude=Decimal("-72.271033"))  # 0.018967 east
    incident(mss, "2025-09-20", latitude=Decimal("18.58"), longitude=Decimal("-72.271022"))  # 0.018978 east
    assert nearby_of(brief(mss, D)) == {"Airport": 1}


def test_incidents_on_either_side_of_the_antimeridian_are_near():
    mss = mission()
    site(mss, "Outpost", latitude="0", longitude="179.999")
    incident(mss, "2025-09-20", latitude=Decimal("0"), longitude=Decimal("-179.999"))  # 0.002 degrees: 0.22 km
    assert nearby_of(brief(mss, D)) == {"Outpost": 1}


def test_the_window_holds_d_minus_29_and_not_d_minus_30():
    mss = mission()
    site(mss, "Airport")
    incident(mss, "2025-08-24", fatalities=100)  # D-30: out
    incident(mss, "2025-08-25", fatalities=3)  # D-29: in
    incident(mss, D, fatalities=2, event_type="Riots")  # D: in
    incident(mss, "2025-09-24", fatalities=50)  # after D: out
    data = brief(mss, D)
    assert data["incidents"] == {
        "window_start": "2025-08-25",
        "count": 2,
        "fatalities": 5,
        "by_event_type": [
            {"event_type": "Battles", "count": 1, "fatalities": 3},
            {"event_type": "Riots", "count": 1, "fatalities": 2},
        ],
    }
    # The factory's incidents are 0.04 degrees south (4.45 km) and 0.05 west (5.27 km) of its site: 6.9 km.
    assert nearby_of(data) == {"Airport": 0}


def test_three_incidents_near_a_hostile_site_are_no_threat_and_near_a_secured_one_are():
    mss = mission()
    held = site(mss, "Palace", kind="palace")
    lost = site(mss, "Airport", latitude="18.58", longitude="-72.28")  # 1.05 km east of the palace
    few = site(mss, "School", kind="school", latitude="18.60", longitude="-72.29")  # 2.22 km north
    status(held, "2025-01-01", "secured")
    status(lost, "2025-01-01", "secured")
    status(lost, "2025-09-01", "hostile")
    status(few, "2025-01-01", "reopened")
    for on in ("2025-08-25", "2025-09-10", D):
        incident(mss, on, latitude=Decimal("18.585"), longitude=Decimal("-72.285"))
    incident(mss, D, latitude=Decimal("18.60"), longitude=Decimal("-72.29"))  # at the school only
    data = brief(mss, D)
    # The three incidents are 0.74 km from the palace and the airport, 1.67 km from the school.
    assert nearby_of(data) == {"Airport": 3, "Palace": 3, "School": 4}
    assert [(code, subject) for code, _s, subject in risk_codes(data) if code == "SITE_THREATENED"] == [
        ("SITE_THREATENED", "Palace"),
        ("SITE_THREATENED", "School"),
    ]
    [risk] = [risk for risk in risks(data, "SITE_THREATENED") if risk["subject"] == "Palace"]
    assert risk["severity"] == "medium"
    assert risk["evidence"] == {
        "site": "Palace",
        "status": "secured",
        "incidents_nearby": 3,
        "window_start": "2025-08-25",
        "as_of": D,
    }
    assert risk["message"] == "Palace (secured): 3 incidents within 2 km from 25 Aug 2025 to 23 Sep 2025"


def test_two_incidents_near_a_secured_site_are_no_threat():
    mss = mission()
    status(site(mss, "Palace", kind="palace"), "2025-01-01", "secured")
    incident(mss, "2025-09-01", latitude=Decimal("18.58"), longitude=Decimal("-72.29"))
    incident(mss, "2025-09-02", latitude=Decimal("18.58"), longitude=Decimal("-72.29"))
    incident(mss, "2025-08-24", latitude=Decimal("18.58"), longitude=Decimal("-72.29"))  # D-30: out
    assert risks(brief(mss, D), "SITE_THREATENED") == []


def test_the_sources_of_the_assets_and_incidents_read_are_listed():
    mss = mission()
    cite(asset(mss, "2025-01-01", 4, 4), source("old-count"))  # replaced by the later count
    cite(asset(mss, "2025-09-01", 4, 2), source("un-report"))
    cite(incident(mss, "2025-09-01"), source("acled"))
    cite(incident(mss, "2025-08-01"), source("acled-old"))  # before the window
    assert [row["key"] for row in brief(mss, D)["sources"]] == ["acled", "un-report"]


def test_the_box_reaches_no_pole():
    assert geo.longitude_margin(89.5) is None
    assert geo.longitude_margin(0) == pytest.approx(0.0179864 * 1.01, rel=1e-4)


def test_text_and_markdown_show_equipment_capacity_and_incidents():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-12-31", strength=2500)
    deploy(mss, "KEN", 1410, "2025-06-01")
    asset(mss, "2025-09-01", 12, 5, kind="Armoured vehicle")
    contract(mss, "Accommodation", "2025-01-01", "2025-12-31", capacity=1300)
    status(site(mss, "Palace", kind="palace"), "2025-01-01", "secured")
    for on in ("2025-09-01", "2025-09-02", "2025-09-03"):
        incident(mss, on, latitude=Decimal("18.58"), longitude=Decimal("-72.29"), fatalities=2)
    text = StringIO()
    call_command("brief", "--mission", "mss", "--as-of", D, "--format", "text", stdout=text)
    lines = [" ".join(line.split()) for line in text.getvalue().splitlines()]
    assert "Armoured vehicle 12 5 41.7 %" in lines
    assert "Accommodation 1,300 1,410 2,500" in lines
    assert "3 incidents and 6 fatalities from 25 Aug 2025 to 23 Sep 2025." in lines
    assert "Palace: 3 within 2 km." in lines
    assert "Battles 3 6" in lines
    markdown = StringIO()
    call_command("brief", "--mission", "mss", "--as-of", D, "--format", "markdown", stdout=markdown)
    assert "| Armoured vehicle | 12 | 5 | 41.7 % |" in markdown.getvalue()
    assert "| Accommodation | 1,300 | 1,410 | 2,500 |" in markdown.getvalue()
