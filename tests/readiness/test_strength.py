"""Strength: deployed, pledged, authorized, deployed_pct, by contributor; STRENGTH_GAP and PLEDGE_SHORTFALL."""

import pytest

from tests.factories import deploy, mandate, mission, pledge
from tests.readiness.briefs import brief, risks

pytestmark = pytest.mark.django_db

D = "2025-09-23"


def by_contributor(data: dict) -> dict[str, tuple[int, int]]:
    return {row["contributor"]: (row["deployed"], row["pledged"]) for row in data["strength"]["by_contributor"]}


def test_deployed_is_arrivals_minus_departures_up_to_the_date():
    mss = mission()
    deploy(mss, "KEN", 200, "2024-06-25")
    deploy(mss, "KEN", 200, "2024-07-16")
    deploy(mss, "KEN", 29, "2025-06-26", change="departure")
    deploy(mss, "KEN", 10, "2025-09-24", change="departure")  # after D
    deploy(mss, "JAM", 24, "2024-09-12")
    deploy(mss, "JAM", 1, "2025-06-01", change="departure")
    deploy(mss, "JAM", 5, "2025-09-23", category="military")  # on D: counts
    deploy(mss, "GTM", 150, "2025-09-24")  # after D: GTM not listed at all
    data = brief(mss, D)
    # KEN 200 + 200 - 29 = 371; JAM 24 - 1 + 5 = 28.
    assert by_contributor(data) == {"JAM": (28, 0), "KEN": (371, 0)}
    assert data["strength"]["deployed"] == 399
    assert data["strength"]["pledged"] == 0


def test_by_contributor_is_sorted_by_code_and_lists_pledge_only_contributors():
    mss = mission()
    deploy(mss, "KEN", 10, "2025-01-01")
    pledge(mss, "BHS", 150, "2024-02-29")
    pledge(mss, "SLV", 78, "2025-09-24")  # after D: not listed
    rows = brief(mss, D)["strength"]["by_contributor"]
    assert rows == [
        {"contributor": "BHS", "deployed": 0, "pledged": 150},
        {"contributor": "KEN", "deployed": 10, "pledged": 0},
    ]


def test_contributor_whose_departures_balance_arrivals_is_listed_with_zero():
    mss = mission()
    deploy(mss, "BLZ", 2, "2024-09-12")
    deploy(mss, "BLZ", 2, "2025-03-01", change="departure")
    assert by_contributor(brief(mss, D)) == {"BLZ": (0, 0)}


def test_pledge_raised_then_lowered_latest_by_date_wins():
    mss = mission()
    pledge(mss, "KEN", 2500, "2024-03-01")
    pledge(mss, "KEN", 1000, "2023-10-02")  # created second, dated first
    pledge(mss, "KEN", 800, "2025-01-01")
    assert brief(mss, "2023-12-01")["strength"]["pledged"] == 1000
    assert brief(mss, "2024-03-01")["strength"]["pledged"] == 2500
    assert brief(mss, "2024-12-31")["strength"]["pledged"] == 2500
    assert brief(mss, "2025-01-01")["strength"]["pledged"] == 800


@pytest.mark.parametrize(("first", "second"), [(300, 200), (200, 300)])
def test_pledges_on_the_same_date_the_higher_pk_wins(first, second):
    mss = mission()
    pledge(mss, "KEN", first, "2024-03-01")
    pledge(mss, "KEN", second, "2024-03-01")
    assert by_contributor(brief(mss, D)) == {"KEN": (0, second)}


def test_withdrawn_pledge_counts_zero_but_the_contributor_is_listed():
    mss = mission()
    pledge(mss, "BLZ", 50, "2024-01-01")
    pledge(mss, "BLZ", 50, "2024-06-01", status="withdrawn")
    pledge(mss, "KEN", 1000, "2024-01-01", status="confirmed")
    assert by_contributor(brief(mss, "2024-05-31")) == {"BLZ": (0, 50), "KEN": (0, 1000)}
    data = brief(mss, "2024-06-01")
    assert by_contributor(data) == {"BLZ": (0, 0), "KEN": (0, 1000)}
    assert data["strength"]["pledged"] == 1000
    assert [risk["subject"] for risk in risks(data, "PLEDGE_SHORTFALL")] == ["KEN"]


def test_pledge_after_a_withdrawal_counts_again():
    mss = mission()
    pledge(mss, "BLZ", 50, "2024-06-01", status="withdrawn")
    pledge(mss, "BLZ", 40, "2024-09-01")
    assert by_contributor(brief(mss, "2024-08-31")) == {"BLZ": (0, 0)}
    assert by_contributor(brief(mss, "2024-09-01")) == {"BLZ": (0, 40)}


def test_pledges_of_each_category_are_summed_and_replaced_per_category():
    mss = mission()
    pledge(mss, "JAM", 170, "2024-09-10", category="military")
    pledge(mss, "JAM", 30, "2024-09-10", category="police")
    pledge(mss, "JAM", 40, "2025-01-01", category="police")  # replaces the 30 police only
    pledge(mss, "JAM", 5, "2024-09-10", category="civilian")
    pledge(mss, "JAM", 5, "2025-02-01", category="civilian", status="withdrawn")
    assert by_contributor(brief(mss, "2024-12-31")) == {"JAM": (0, 205)}  # 170 + 30 + 5
    assert by_contributor(brief(mss, "2025-02-01")) == {"JAM": (0, 210)}  # 170 + 40 + 0


def test_deployed_pct_and_authorized_from_the_mandate():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", strength=2500)
    deploy(mss, "KEN", 991, "2025-06-26")
    strength = brief(mss, D)["strength"]
    # 100 * 991 / 2500 = 39.64 -> 39.6
    assert (strength["deployed"], strength["authorized"], strength["deployed_pct"]) == (991, 2500, 39.6)


@pytest.mark.parametrize(
    ("deployed", "pct"),
    [
        (245, 12.2),  # 100 * 245 / 2000 = 12.25 exactly: half-even keeps the even 2 (half-up would give 12.3)
        (247, 12.4),  # 12.35 exactly: up to the even 4
        (1, 0.0),  # 0.05 exactly: down to the even 0
        (3, 0.2),  # 0.15 exactly: up to the even 2
        (2000, 100.0),
        (2500, 125.0),
    ],
)
def test_deployed_pct_rounds_half_even(deployed, pct):
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", strength=2000)
    deploy(mss, "KEN", deployed, "2025-06-01")
    assert brief(mss, D)["strength"]["deployed_pct"] == pct


def test_no_mandate_gives_no_authorized_strength_nor_pct_nor_strength_gap():
    mss = mission()
    deploy(mss, "KEN", 10, "2025-06-01")
    data = brief(mss, D)
    assert (data["strength"]["authorized"], data["strength"]["deployed_pct"]) == (None, None)
    assert risks(data, "STRENGTH_GAP") == []


def test_authorized_strength_zero_gives_no_pct_nor_strength_gap():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", strength=0)
    deploy(mss, "KEN", 10, "2025-06-01")
    data = brief(mss, D)
    assert (data["strength"]["authorized"], data["strength"]["deployed_pct"]) == (0, None)
    assert risks(data, "STRENGTH_GAP") == []


@pytest.mark.parametrize(
    ("deployed", "pct", "severity"),
    [
        (4994, 49.9, "high"),
        (4996, 50.0, "medium"),  # 49.96 rounds to 50.0: the rule compares the rounded value
        (5000, 50.0, "medium"),
        (7994, 79.9, "medium"),
        (7996, 80.0, None),  # 79.96 rounds to 80.0
        (8000, 80.0, None),
        (0, 0.0, "high"),
    ],
)
def test_strength_gap_boundaries(deployed, pct, severity):
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", strength=10000)
    if deployed:
        deploy(mss, "KEN", deployed, "2025-06-01")
    data = brief(mss, D)
    assert data["strength"]["deployed_pct"] == pct
    assert [risk["severity"] for risk in risks(data, "STRENGTH_GAP")] == ([] if severity is None else [severity])


def test_strength_gap_message_and_evidence():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", strength=2500)
    deploy(mss, "KEN", 991, "2025-06-26")
    [risk] = risks(brief(mss, D), "STRENGTH_GAP")
    assert (risk["severity"], risk["subject"]) == ("high", None)
    assert risk["message"] == "991 deployed of 2,500 authorized (39.6 %)"
    assert risk["evidence"] == {"deployed": 991, "authorized": 2500, "deployed_pct": 39.6}


@pytest.mark.parametrize(
    ("deployed", "severity"),
    [
        (8, "medium"),
        (74, "medium"),  # 74 * 2 = 148 < 150
        (75, "low"),  # 75 * 2 == 150: not under half
        (149, "low"),
        (150, None),
        (160, None),
    ],
)
def test_pledge_shortfall_boundaries(deployed, severity):
    mss = mission()
    pledge(mss, "BHS", 150, "2024-02-29")
    deploy(mss, "BHS", deployed, "2024-10-19")
    found = [(risk["severity"], risk["subject"]) for risk in risks(brief(mss, D), "PLEDGE_SHORTFALL")]
    assert found == ([] if severity is None else [(severity, "BHS")])


def test_pledge_shortfall_needs_no_mandate_and_speaks_plainly():
    mss = mission()
    pledge(mss, "BHS", 150, "2024-02-29")
    deploy(mss, "BHS", 8, "2024-10-19")
    pledge(mss, "KEN", 1000, "2023-10-02")
    deploy(mss, "KEN", 732, "2025-06-26")
    data = brief(mss, D)
    assert data["mandate"] is None
    assert risks(data, "PLEDGE_SHORTFALL") == [
        {
            "code": "PLEDGE_SHORTFALL",
            "severity": "medium",
            "message": "Bahamas: 8 deployed of 150 pledged",
            "subject": "BHS",
            "evidence": {"contributor": "BHS", "deployed": 8, "pledged": 150},
        },
        {
            "code": "PLEDGE_SHORTFALL",
            "severity": "low",
            "message": "Kenya: 732 deployed of 1,000 pledged",
            "subject": "KEN",
            "evidence": {"contributor": "KEN", "deployed": 732, "pledged": 1000},
        },
    ]


def test_pledge_shortfall_with_nothing_deployed_is_medium():
    mss = mission()
    pledge(mss, "BLZ", 50, "2024-02-29")
    [risk] = risks(brief(mss, D), "PLEDGE_SHORTFALL")
    assert (risk["severity"], risk["message"]) == ("medium", "Belize: 0 deployed of 50 pledged")
