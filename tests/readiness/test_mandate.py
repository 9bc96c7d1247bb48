"""The mandate of a brief: which one is chosen for the date, its days left, and MANDATE_EXPIRY."""

from datetime import date

import pytest

from msaada.readiness.brief import build_brief
from msaada.readiness.presenters import brief_text
from tests.factories import mandate, mission
from tests.readiness.briefs import brief, risks

pytestmark = pytest.mark.django_db


def test_no_mandate_gives_null_and_no_expiry():
    mss = mission()
    data = brief(mss, "2025-09-01")
    assert data["mandate"] is None
    assert risks(data, "MANDATE_EXPIRY") == []


def test_mandate_starting_after_the_date_is_not_chosen():
    mss = mission()
    mandate(mss, "2025-09-02", "2026-09-01")
    assert brief(mss, "2025-09-01")["mandate"] is None


def test_active_mandate_and_its_days_left():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", strength=2500, authority="UNSC resolution 2751 (2024)")
    assert brief(mss, "2025-09-23")["mandate"] == {
        "authority": "UNSC resolution 2751 (2024)",
        "start": "2024-10-02",
        "end": "2025-10-02",
        "active": True,
        "days_left": 9,
        "authorized_strength": 2500,
    }


@pytest.mark.parametrize(
    ("end", "days_left", "severity"),
    [
        ("2025-10-01", 30, "high"),  # 2025-09-01 + 30 days
        ("2025-10-02", 31, "medium"),
        ("2025-11-30", 90, "medium"),  # Sep has 30 days, Oct 31: 30 + 31 + 29 = 90
        ("2025-12-01", 91, None),
    ],
)
def test_mandate_expiry_boundaries(end, days_left, severity):
    mss = mission()
    mandate(mss, "2025-01-01", end, authority="Res. 1")
    data = brief(mss, "2025-09-01")
    assert data["mandate"]["days_left"] == days_left
    found = [(risk["severity"], risk["subject"]) for risk in risks(data, "MANDATE_EXPIRY")]
    assert found == ([] if severity is None else [(severity, None)])


def test_mandate_expiry_message_and_evidence():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="UNSC resolution 2751 (2024)")
    [risk] = risks(brief(mss, "2025-09-23"), "MANDATE_EXPIRY")
    assert risk["message"] == "UNSC resolution 2751 (2024) ends on 2 Oct 2025: 9 days left"
    assert risk["evidence"] == {"authority": "UNSC resolution 2751 (2024)", "end": "2025-10-02", "days_left": 9}


def test_last_day_of_a_mandate_has_zero_days_left_and_is_high():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    data = brief(mss, "2025-10-02")
    assert (data["mandate"]["active"], data["mandate"]["days_left"]) == (True, 0)
    assert [risk["severity"] for risk in risks(data, "MANDATE_EXPIRY")] == ["high"]


def test_ended_mandate_is_shown_inactive_with_negative_days_and_high_expiry():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="Res. 2751")
    data = brief(mss, "2025-10-10")
    assert data["mandate"]["authority"] == "Res. 2751"
    assert (data["mandate"]["active"], data["mandate"]["days_left"]) == (False, -8)
    [risk] = risks(data, "MANDATE_EXPIRY")
    assert risk["severity"] == "high"
    assert risk["message"] == "Res. 2751 ended on 2 Oct 2025, 8 days ago, and no mandate covers 10 Oct 2025"
    assert risk["evidence"]["days_left"] == -8
    text = brief_text(build_brief(mss, date(2025, 10, 10)))
    assert "Res. 2751, 2 Oct 2024 – 2 Oct 2025 (ended): ended 8 days ago. Authorized strength 1,000." in text


def test_ended_long_ago_is_still_high():
    mss = mission()
    mandate(mss, "2023-10-02", "2024-10-02")
    data = brief(mss, "2025-10-02")
    assert data["mandate"]["days_left"] == -365
    assert [risk["severity"] for risk in risks(data, "MANDATE_EXPIRY")] == ["high"]


def test_successive_mandates_switch_on_the_day_the_next_begins():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="first")
    mandate(mss, "2025-10-03", "2026-10-02", authority="second")
    last_day = brief(mss, "2025-10-02")["mandate"]
    assert (last_day["authority"], last_day["active"], last_day["days_left"]) == ("first", True, 0)
    next_day = brief(mss, "2025-10-03")["mandate"]
    # 2025-10-03 to 2026-10-02 is 364 days.
    assert (next_day["authority"], next_day["active"], next_day["days_left"]) == ("second", True, 364)


def test_overlapping_mandates_choose_the_one_that_started_last():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="MSS")
    mandate(mss, "2025-09-30", "2026-09-29", authority="GSF")
    assert brief(mss, "2025-09-29")["mandate"]["authority"] == "MSS"
    assert brief(mss, "2025-09-30")["mandate"]["authority"] == "GSF"
    assert brief(mss, "2025-10-01")["mandate"]["authority"] == "GSF"


def test_gap_between_mandates_shows_the_ended_one():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02", authority="first")
    mandate(mss, "2025-11-01", "2026-10-31", authority="second")
    chosen = brief(mss, "2025-10-20")["mandate"]
    assert (chosen["authority"], chosen["active"], chosen["days_left"]) == ("first", False, -18)


def test_a_running_mandate_wins_over_a_later_started_one_that_ended():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", authority="long")
    mandate(mss, "2025-06-01", "2025-06-30", authority="short")
    assert brief(mss, "2025-06-15")["mandate"]["authority"] == "short"
    chosen = brief(mss, "2025-07-15")["mandate"]
    assert (chosen["authority"], chosen["active"]) == ("long", True)


def test_latest_started_of_ended_mandates_is_chosen():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", authority="long")
    mandate(mss, "2025-06-01", "2025-06-30", authority="short")
    # Neither runs on 2026-01-10: the one that started last, though it ended first.
    chosen = brief(mss, "2026-01-10")["mandate"]
    assert (chosen["authority"], chosen["active"], chosen["days_left"]) == ("short", False, -194)


def test_same_start_prefers_the_later_end_then_the_higher_pk():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-12-31", authority="later end")
    mandate(mss, "2025-01-01", "2025-06-30", authority="earlier end")
    assert brief(mss, "2025-03-01")["mandate"]["authority"] == "later end"
    other = mission("other")
    mandate(other, "2025-01-01", "2025-12-31", authority="created first")
    mandate(other, "2025-01-01", "2025-12-31", authority="created second")
    assert brief(other, "2025-03-01")["mandate"]["authority"] == "created second"


def test_another_missions_mandate_is_ignored():
    mss, gsf = mission("mss"), mission("gsf")
    mandate(gsf, "2025-01-01", "2025-12-31")
    assert brief(mss, "2025-03-01")["mandate"] is None
