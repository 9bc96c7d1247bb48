"""The Haiti demo data gives the brief that msaada/demo/haiti/NOTES.md expects."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

import msaada
from msaada.missions.models import Mission
from tests.readiness.briefs import brief

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DEMO = Path(msaada.__file__).parent / "demo" / "haiti"


def test_mss_brief_as_of_2025_09_23_is_the_expected_one():
    call_command("import", str(DEMO / "mss"), "--mission", "MSS", stdout=StringIO())
    data = brief(Mission.objects.get(code="MSS"), "2025-09-23")
    assert data["mandate"] == {
        "authority": "UNSC resolution 2751 (2024)",
        "start": "2024-10-02",
        "end": "2025-10-02",
        "active": True,
        "days_left": 9,
        "authorized_strength": 2500,
    }
    strength = data["strength"]
    assert (strength["deployed"], strength["pledged"], strength["authorized"], strength["deployed_pct"]) == (
        991,
        1628,
        2500,
        39.6,
    )
    by_contributor = {row["contributor"]: (row["deployed"], row["pledged"]) for row in strength["by_contributor"]}
    assert by_contributor == {
        "KEN": (732, 1000),
        "GTM": (150, 150),
        "SLV": (78, 78),
        "JAM": (23, 200),
        "BHS": (6, 150),
        "BLZ": (2, 50),
    }
    assert sum(deployed for deployed, _ in by_contributor.values()) == 991
    assert data["funding"] == {
        "pledged": "413000000.00",
        "committed": "169000000.00",
        "paid": "413000000.00",
        "spent": "409800000.00",
        "cash": "3200000.00",
        "unpaid_commitments": "0.00",
        "daily_burn": "433333.33",  # 39,000,000 / 90
        "runway_days": 7,  # floor(3,200,000 * 90 / 39,000,000) = floor(7.38)
        "runway_end": "2025-09-30",
        "gap_to_mandate_end": "700000.00",  # 39,000,000 * 9 / 90 - 3,200,000 - 0
    }
    assert data["life_support"] == [
        {"service_line": name, "covered_until": "2025-09-30", "gap_days_before_mandate_end": 2, "capacity": capacity}
        for name, capacity in (
            ("Accommodation", 1300),
            ("Base security", 1300),
            ("Internet and IT", 1400),
            ("Life support area (LSA 2)", 1300),
        )
    ]
    assert data["equipment"] == [
        {"kind": "Armoured vehicle", "total": 24, "operational": 10, "operational_pct": 41.7},  # 10 / 24
        {"kind": "Helicopter", "total": 3, "operational": 2, "operational_pct": 66.7},
    ]
    # 2025-08-25 .. 2025-09-23: Bel Air 5, Champ de Mars 1, Solino 6, Rue Pavee 2, airport road 0 killed.
    assert data["incidents"] == {
        "window_start": "2025-08-25",
        "count": 5,
        "fatalities": 14,
        "by_event_type": [
            {"event_type": "Battles", "count": 3, "fatalities": 7},
            {"event_type": "Explosions/Remote violence", "count": 1, "fatalities": 1},
            {"event_type": "Violence against civilians", "count": 1, "fatalities": 6},
        ],
    }
    downtown = {"National Palace", "Haitian National Police headquarters", "State University Hospital (HUEH)"}
    downtown |= {"Port-au-Prince schools", "Port-au-Prince courts"}
    assert {row["name"]: row["incidents_nearby"] for row in data["sites"]} == {
        **dict.fromkeys(downtown, 3),
        "Toussaint Louverture International Airport": 1,
        "LSA 2 base (near the airport)": 1,
        "National Police Academy": 0,
    }
    sites = {row["name"]: (row["status"], row["since"]) for row in data["sites"]}
    assert sites == {
        "Toussaint Louverture International Airport": ("contested", "2024-11-11"),
        "State University Hospital (HUEH)": ("secured", "2024-07-07"),
        "Port-au-Prince schools": ("reopened", "2024-10-01"),
        "Port-au-Prince courts": ("reopened", "2024-10-07"),
        "National Palace": ("secured", "2025-09-23"),
        "Haitian National Police headquarters": ("secured", "2025-09-23"),
        "National Police Academy": ("secured", "2025-09-23"),
        "LSA 2 base (near the airport)": (None, None),
    }
    assert [(risk["code"], risk["severity"], risk["subject"]) for risk in data["risks"]] == [
        ("EQUIPMENT_SHORT", "high", "Armoured vehicle"),
        ("FUNDING_RUNWAY", "high", None),
        ("MANDATE_EXPIRY", "high", None),
        ("SERVICE_GAP", "high", "Accommodation"),
        ("SERVICE_GAP", "high", "Base security"),
        ("SERVICE_GAP", "high", "Internet and IT"),
        ("SERVICE_GAP", "high", "Life support area (LSA 2)"),
        ("STRENGTH_GAP", "high", None),
        # Capacity for 1,300 or 1,400 covers the 991 deployed, not the 2,500 planned.
        ("CAPACITY_SHORT", "medium", "Accommodation"),
        ("CAPACITY_SHORT", "medium", "Base security"),
        ("CAPACITY_SHORT", "medium", "Internet and IT"),
        ("CAPACITY_SHORT", "medium", "Life support area (LSA 2)"),
        ("EQUIPMENT_SHORT", "medium", "Helicopter"),
        ("PLEDGE_SHORTFALL", "medium", "BHS"),
        ("PLEDGE_SHORTFALL", "medium", "BLZ"),
        ("PLEDGE_SHORTFALL", "medium", "JAM"),
        *(("SITE_THREATENED", "medium", name) for name in sorted(downtown)),
        ("PLEDGE_SHORTFALL", "low", "KEN"),
    ]
    keys = {row["key"] for row in data["sources"]}
    # Both sides of the disagreement about Kenya's share of the 991.
    assert {"reuters-2025-06-26", "seed-000-2025-09-23"} <= keys
    assert "illustrative" in {row["kind"] for row in data["sources"]}


def test_gsf_brief_as_of_2025_12_10_is_the_expected_one():
    call_command("import", str(DEMO / "mss"), "--mission", "MSS", stdout=StringIO())
    call_command("import", str(DEMO / "gsf"), "--mission", "GSF", stdout=StringIO())
    data = brief(Mission.objects.get(code="GSF"), "2025-12-10")
    assert (data["mandate"]["authorized_strength"], data["strength"]["deployed"], data["strength"]["pledged"]) == (
        5550,
        0,
        3000,
    )
    # C$40M at 1.38 CAD per USD
    assert (data["funding"]["pledged"], data["funding"]["paid"]) == ("28985507.25", "0.00")
