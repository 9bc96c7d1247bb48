"""Life support: each service line's covered_until and gap before the mandate's end; SERVICE_GAP."""

import pytest

from msaada.logistics.models import ServiceLine
from tests.factories import contract, mandate, mission
from tests.readiness.briefs import brief, risks

pytestmark = pytest.mark.django_db

D = "2025-03-01"
MANDATE_END = "2025-12-31"


@pytest.fixture
def mss():
    mss = mission()
    mandate(mss, "2025-01-01", MANDATE_END)
    return mss


def line_of(data: dict, name: str = "Rations") -> tuple:
    [line] = [line for line in data["life_support"] if line["service_line"] == name]
    return line["covered_until"], line["gap_days_before_mandate_end"]


def gap_risks(data: dict) -> list[tuple[str, str]]:
    return [(risk["subject"], risk["severity"]) for risk in risks(data, "SERVICE_GAP")]


def test_contracts_that_touch_chain_together(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Rations", "2025-07-01", "2025-09-30")
    # Oct 31 + Nov 30 + Dec 31: 92 days from 2025-09-30 to 2025-12-31
    assert line_of(brief(mss, D)) == ("2025-09-30", 92)


def test_contracts_chain_whatever_the_order_they_were_recorded_in(mss):
    contract(mss, "Rations", "2025-07-01", "2025-09-30")
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    assert line_of(brief(mss, D)) == ("2025-09-30", 92)


def test_a_one_day_gap_breaks_the_run(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Rations", "2025-07-02", "2025-09-30")
    assert line_of(brief(mss, D)) == ("2025-06-30", 184)  # Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    assert line_of(brief(mss, "2025-06-30")) == ("2025-06-30", 184)
    assert line_of(brief(mss, "2025-07-01")) == (None, 183)  # the uncovered day: mandate end - D
    assert line_of(brief(mss, "2025-07-02")) == ("2025-09-30", 92)


def test_overlapping_contracts_chain_together(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Rations", "2025-06-01", "2025-09-30")
    contract(mss, "Rations", "2025-09-15", "2025-11-30")
    assert line_of(brief(mss, D)) == ("2025-11-30", 31)


def test_a_contract_inside_another_does_not_end_the_run(mss):
    contract(mss, "Rations", "2025-01-01", "2025-10-31")
    contract(mss, "Rations", "2025-03-01", "2025-03-31")
    assert line_of(brief(mss, "2025-03-15")) == ("2025-10-31", 61)


def test_a_one_day_contract_chains(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Rations", "2025-07-01", "2025-07-01")
    assert line_of(brief(mss, D)) == ("2025-07-01", 183)
    contract(mss, "Rations", "2025-07-02", "2025-08-31")
    assert line_of(brief(mss, D)) == ("2025-08-31", 122)


def test_coverage_on_a_contracts_first_and_last_day(mss):
    contract(mss, "Rations", "2025-03-01", "2025-04-30")
    contract(mss, "Fuel", "2025-01-01", "2025-03-01")
    data = brief(mss, D)
    assert line_of(data, "Rations") == ("2025-04-30", 245)
    assert line_of(data, "Fuel") == ("2025-03-01", 305)


def test_contract_starting_after_the_date_lists_the_line_uncovered(mss):
    contract(mss, "Rations", "2025-04-01", "2025-12-31")
    data = brief(mss, D)
    # mandate end - D: Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 - 1
    assert line_of(data) == (None, 305)
    [risk] = risks(data, "SERVICE_GAP")
    assert (risk["severity"], risk["subject"]) == ("high", "Rations")
    assert risk["message"] == "Rations: no contract covers 1 Mar 2025"
    assert risk["evidence"] == {
        "service_line": "Rations",
        "covered_until": None,
        "mandate_end": MANDATE_END,
        "gap_days_before_mandate_end": 305,
    }


def test_contract_ended_before_the_date_leaves_the_line_uncovered(mss):
    contract(mss, "Rations", "2025-01-01", "2025-02-28")
    assert line_of(brief(mss, D)) == (None, 305)


def test_a_later_run_after_a_gap_is_not_counted(mss):
    contract(mss, "Rations", "2025-02-01", "2025-05-31")
    contract(mss, "Rations", "2025-06-15", "2025-12-31")
    assert line_of(brief(mss, D)) == ("2025-05-31", 214)


def test_covered_to_or_beyond_the_mandate_end_has_no_gap(mss):
    contract(mss, "Rations", "2025-01-01", MANDATE_END)
    contract(mss, "Fuel", "2025-01-01", "2026-06-30")
    data = brief(mss, D)
    assert line_of(data, "Rations") == (MANDATE_END, 0)
    assert line_of(data, "Fuel") == ("2026-06-30", 0)  # max(0, negative)
    assert risks(data, "SERVICE_GAP") == []


@pytest.mark.parametrize(
    ("covered_until", "severity"),
    [
        ("2025-03-31", "high"),  # 30 days after D
        ("2025-04-01", "medium"),  # 31 days after D
        ("2025-12-30", "medium"),  # the day before the mandate's end
    ],
)
def test_service_gap_high_within_30_days_else_medium(mss, covered_until, severity):
    contract(mss, "Rations", "2025-01-01", covered_until)
    assert gap_risks(brief(mss, D)) == [("Rations", severity)]


def test_service_gap_message_and_evidence():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    contract(mss, "Accommodation", "2024-05-21", "2025-09-30")
    [risk] = risks(brief(mss, "2025-09-23"), "SERVICE_GAP")
    assert risk["message"] == "Accommodation: covered until 30 Sep 2025, 2 days before the mandate ends on 2 Oct 2025"
    assert risk["evidence"] == {
        "service_line": "Accommodation",
        "covered_until": "2025-09-30",
        "mandate_end": "2025-10-02",
        "gap_days_before_mandate_end": 2,
    }


def test_without_a_mandate_the_gap_is_null_and_no_service_gap():
    mss = mission()
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Fuel", "2025-04-01", "2025-06-30")
    data = brief(mss, D)
    assert data["life_support"] == [
        {"service_line": "Fuel", "covered_until": None, "gap_days_before_mandate_end": None, "capacity": None},
        # Rations runs on D with the factory's capacity of 100.
        {
            "service_line": "Rations",
            "covered_until": "2025-06-30",
            "gap_days_before_mandate_end": None,
            "capacity": 100,
        },
    ]
    assert risks(data, "SERVICE_GAP") == []


def test_after_the_mandate_ended_an_uncovered_line_has_a_negative_gap():
    mss = mission()
    mandate(mss, "2024-01-01", "2025-02-01")
    contract(mss, "Rations", "2025-04-01", "2025-06-30")
    contract(mss, "Fuel", "2025-01-01", "2025-06-30")
    data = brief(mss, D)
    assert line_of(data, "Rations") == (None, -28)  # 2025-02-01 - 2025-03-01
    assert line_of(data, "Fuel") == ("2025-06-30", 0)
    assert gap_risks(data) == [("Rations", "high")]


def test_lines_by_name_with_a_current_contract_of_this_mission_only(mss):
    contract(mss, "Water", "2025-01-01", "2025-12-31")
    contract(mss, "Air transport", "2025-01-01", "2025-12-31")
    contract(mss, "Fuel", "2025-01-01", "2025-12-31").archive()
    ServiceLine.objects.create(mission=mss, name="Medical")  # no contract: not listed
    contract(mission("other"), "Rations", "2025-01-01", "2025-12-31")
    assert [line["service_line"] for line in brief(mss, D)["life_support"]] == ["Air transport", "Water"]


def test_lines_do_not_chain_into_each_other(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Fuel", "2025-07-01", "2025-12-31")
    data = brief(mss, D)
    assert line_of(data, "Rations") == ("2025-06-30", 184)
    assert line_of(data, "Fuel") == (None, 305)


def test_an_archived_contract_breaks_the_chain(mss):
    contract(mss, "Rations", "2025-01-01", "2025-06-30")
    contract(mss, "Rations", "2025-07-01", "2025-09-30").archive()
    contract(mss, "Rations", "2025-07-01", "2025-08-31")
    assert line_of(brief(mss, D)) == ("2025-08-31", 122)
