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
        {"service_line": name, "covered_until": "2025-09-30", "gap_days_before_mandate_end": 2}
        for name in ("Accommodation", "Base security", "Internet and IT", "Life support area (LSA 2)")
    ]
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
        ("FUNDING_RUNWAY", "high", None),
        ("MANDATE_EXPIRY", "high", None),
        ("SERVICE_GAP", "high", "Accommodation"),
        ("SERVICE_GAP", "high", "Base security"),
        ("SERVICE_GAP", "high", "Internet and IT"),
        ("SERVICE_GAP", "high", "Life support area (LSA 2)"),
        ("STRENGTH_GAP", "high", None),
        ("PLEDGE_SHORTFALL", "medium", "BHS"),
        ("PLEDGE_SHORTFALL", "medium", "BLZ"),
        ("PLEDGE_SHORTFALL", "medium", "JAM"),
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
