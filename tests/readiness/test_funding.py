"""Funding: stage sums, conversion, unpaid commitments, burn, runway, gap; FUNDING_RUNWAY and UNPAID_PLEDGES."""

from datetime import date

import pytest

from msaada.finance.money import MissingRateError
from msaada.readiness.brief import build_brief
from tests.factories import days_after, flow, mandate, mission, rate, spend
from tests.readiness.briefs import brief, risks

pytestmark = pytest.mark.django_db

D = "2025-09-23"
WINDOW_START = "2025-06-26"  # D - 89 days: Sep 23 - 23 = Aug 31, - 31 = Jul 31, - 31 = Jun 30, - 4 = Jun 26


def funding(data: dict) -> dict:
    return data["funding"]


def test_window_start_is_d_minus_89():
    assert days_after(D, -89) == WINDOW_START


def test_stage_sums_spent_and_cash_up_to_the_date():
    mss = mission()
    flow(mss, "pledge", "1000", "2025-01-01")
    flow(mss, "pledge", "500", "2025-09-24")  # after D
    flow(mss, "commitment", "600", "2025-02-01")
    flow(mss, "paid", "400", "2025-03-01")
    flow(mss, "paid", "100.25", D)  # on D: counts
    spend(mss, "150", "2025-04-01")
    spend(mss, "50", "2025-09-24")  # after D
    assert funding(brief(mss, D)) == {
        "pledged": "1000.00",
        "committed": "600.00",
        "paid": "500.25",
        "spent": "150.00",
        "cash": "350.25",  # 500.25 - 150
        "unpaid_commitments": "600.00",  # the commitment has no ref: a contribution of its own, nothing paid on it
        "daily_burn": "0.00",
        "runway_days": None,
        "runway_end": None,  # 2025-04-01 is before the window
        "gap_to_mandate_end": "0.00",
    }


def test_another_missions_money_is_ignored():
    mss, gsf = mission("mss"), mission("gsf")
    flow(gsf, "paid", "1000", "2025-01-01")
    spend(gsf, "10", "2025-09-01")
    flow(mss, "paid", "7", "2025-01-01")
    assert (funding(brief(mss, D))["paid"], funding(brief(mss, D))["spent"]) == ("7.00", "0.00")


def test_flow_paid_in_instalments_at_two_rates():
    mss = mission()
    rate("EUR", "2025-01-01", "0.9")
    rate("EUR", "2025-02-01", "0.75")
    flow(mss, "commitment", "900", "2025-01-10", currency="EUR", ref="CAN-1")  # 900 / 0.9 = USD 1000
    flow(mss, "paid", "450", "2025-01-20", currency="EUR", ref="CAN-1")  # 450 / 0.9 = USD 500
    flow(mss, "paid", "450", "2025-02-10", currency="EUR", ref="CAN-1")  # 450 / 0.75 = USD 600
    money = funding(brief(mss, "2025-03-01"))
    assert (money["committed"], money["paid"], money["cash"]) == ("1000.00", "1100.00", "1100.00")
    # Paid in full in euros: nothing unpaid, though USD 1100 paid is more than USD 1000 committed.
    assert money["unpaid_commitments"] == "0.00"


def test_partly_paid_contribution_is_converted_at_the_latest_rate_on_or_before_the_date():
    mss = mission()
    rate("EUR", "2025-01-01", "0.9")
    rate("EUR", "2025-02-01", "0.75")
    rate("EUR", "2025-03-01", "0.5")
    rate("EUR", "2025-04-01", "0.25")
    flow(mss, "commitment", "900", "2025-01-10", currency="EUR", ref="CAN-1")
    flow(mss, "paid", "450", "2025-02-10", currency="EUR", ref="CAN-1")
    money = funding(brief(mss, "2025-03-15"))
    assert (money["committed"], money["paid"]) == ("1000.00", "600.00")  # 900 / 0.9; 450 / 0.75
    assert money["unpaid_commitments"] == "900.00"  # EUR 450 left, at 0.5 (2025-03-01)
    assert funding(brief(mss, "2025-04-01"))["unpaid_commitments"] == "1800.00"  # 450 / 0.25


def test_flows_without_ref_are_each_a_contribution():
    mss = mission()
    flow(mss, "commitment", "100", "2025-01-01")
    flow(mss, "paid", "100", "2025-02-01")
    assert funding(brief(mss, D))["unpaid_commitments"] == "100.00"


def test_an_overpaid_contribution_does_not_offset_another():
    mss = mission()
    flow(mss, "commitment", "100", "2025-01-01", ref="A")
    flow(mss, "paid", "150", "2025-02-01", ref="A")
    flow(mss, "commitment", "100", "2025-01-01", ref="B")
    flow(mss, "paid", "30", "2025-02-01", ref="B")
    # max(0, 100 - 150) + max(0, 100 - 30) = 0 + 70
    assert funding(brief(mss, D))["unpaid_commitments"] == "70.00"


def test_a_ref_in_two_currencies_is_two_contributions():
    mss = mission()
    rate("EUR", "2025-01-01", "0.9")
    flow(mss, "commitment", "900", "2025-01-10", currency="EUR", ref="X")
    flow(mss, "paid", "1000", "2025-02-10", currency="USD", ref="X")
    # EUR: max(0, 900 - 0) at 0.9 = USD 1000; USD: max(0, 0 - 1000) = 0
    assert funding(brief(mss, D))["unpaid_commitments"] == "1000.00"


def test_another_donor_paying_under_a_ref_pays_nothing_of_that_donors_commitment():
    mss = mission()
    flow(mss, "commitment", "50000000", "2025-01-01", ref="CAN-1", donor="canada")
    flow(mss, "paid", "50000000", "2025-02-01", ref="CAN-1", donor="usa")
    # Canada: max(0, 50,000,000 - 0); the United States: max(0, 0 - 50,000,000) = 0
    assert funding(brief(mss, D))["unpaid_commitments"] == "50000000.00"


def test_pledge_flows_are_not_commitments():
    mss = mission()
    flow(mss, "pledge", "500", "2025-01-01", ref="P")
    flow(mss, "commitment", "200", "2025-01-01", ref="P")
    assert funding(brief(mss, D))["unpaid_commitments"] == "200.00"


def test_payment_after_the_date_does_not_pay_the_commitment_yet():
    mss = mission()
    flow(mss, "paid", "100", "2025-09-24", ref="R")  # created first (lower pk) but dated after D
    flow(mss, "commitment", "100", "2025-09-01", ref="R")
    assert funding(brief(mss, D))["unpaid_commitments"] == "100.00"
    assert funding(brief(mss, "2025-09-24"))["unpaid_commitments"] == "0.00"


def test_same_ref_in_another_mission_is_another_contribution():
    mss, gsf = mission("mss"), mission("gsf")
    flow(gsf, "paid", "100", "2025-02-01", ref="R")
    flow(mss, "commitment", "100", "2025-01-01", ref="R")
    assert funding(brief(mss, D))["unpaid_commitments"] == "100.00"


def test_burn_window_counts_d_minus_89_but_not_d_minus_90():
    mss = mission()
    flow(mss, "paid", "3000", "2025-01-01")
    spend(mss, "900", WINDOW_START)  # D - 89: in the window
    spend(mss, "450", days_after(D, -90))  # D - 90: spent, but not in the window
    money = funding(brief(mss, D))
    assert (money["spent"], money["cash"], money["daily_burn"]) == ("1350.00", "1650.00", "10.00")  # 900 / 90
    assert money["runway_days"] == 165  # floor(1650 * 90 / 900)
    assert money["runway_end"] == "2026-03-07" == days_after(D, 165)


def test_no_expenditure_in_the_window_gives_no_runway_and_no_funding_risk():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "1000", "2025-01-01")
    spend(mss, "500", days_after(D, -90))
    data = brief(mss, D)
    assert funding(data)["spent"] == "500.00"
    assert (funding(data)["daily_burn"], funding(data)["runway_days"], funding(data)["runway_end"]) == (
        "0.00",
        None,
        None,
    )
    assert funding(data)["gap_to_mandate_end"] == "0.00"  # max(0, 0 * 9 - 500 - 0)
    assert risks(data, "FUNDING_RUNWAY") == []


def test_expenditures_of_zero_in_the_window_give_no_runway():
    mss = mission()
    flow(mss, "paid", "1000", "2025-01-01")
    spend(mss, "0", D)
    assert (funding(brief(mss, D))["daily_burn"], funding(brief(mss, D))["runway_days"]) == ("0.00", None)


@pytest.mark.parametrize(
    ("in_window", "burn"),
    [
        ("11.25", "0.12"),  # 0.125 a day: half-even to 0.12
        ("12.15", "0.14"),  # 0.135 a day: half-even to 0.14
        ("1000", "11.11"),  # 11.111...
        ("39000000", "433333.33"),
    ],
)
def test_daily_burn_is_printed_half_even_to_the_cent(in_window, burn):
    mss = mission()
    spend(mss, in_window, "2025-09-01")
    assert funding(brief(mss, D))["daily_burn"] == burn


def test_runway_uses_the_exact_burn_not_the_printed_one():
    mss = mission()
    flow(mss, "paid", "2111", "2025-01-01")
    spend(mss, "1000", "2025-09-01")
    money = funding(brief(mss, D))
    # cash 1111: floor(1111 * 90 / 1000) = floor(99.99) = 99, while 1111 / 11.11 (the printed burn) would give 100.
    assert (money["cash"], money["daily_burn"], money["runway_days"]) == ("1111.00", "11.11", 99)


def test_cash_exactly_zero_gives_runway_zero_ending_on_the_date():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "900", "2025-01-01")
    spend(mss, "900", "2025-09-01")
    data = brief(mss, D)
    money = funding(data)
    assert (money["cash"], money["runway_days"], money["runway_end"]) == ("0.00", 0, D)
    assert money["gap_to_mandate_end"] == "90.00"  # 900 / 90 = 10 a day * 9 days left - 0 - 0
    assert [risk["severity"] for risk in risks(data, "FUNDING_RUNWAY")] == ["high"]


def test_negative_cash_gives_a_negative_runway():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")
    flow(mss, "paid", "100", "2025-01-01")
    spend(mss, "1000", "2025-09-01")
    data = brief(mss, D)
    money = funding(data)
    assert money["cash"] == "-900.00"
    assert money["runway_days"] == -81  # floor(-900 * 90 / 1000) = floor(-81)
    assert money["runway_end"] == "2025-07-04" == days_after(D, -81)
    assert money["gap_to_mandate_end"] == "1000.00"  # 1000 * 9 / 90 - (-900) - 0
    assert [risk["severity"] for risk in risks(data, "FUNDING_RUNWAY")] == ["high"]


def test_slightly_negative_cash_floors_to_minus_one():
    mss = mission()
    flow(mss, "paid", "899", "2025-01-01")
    spend(mss, "900", "2025-09-01")
    money = funding(brief(mss, D))
    # floor(-1 * 90 / 900) = floor(-0.1) = -1 (truncation would give 0)
    assert (money["cash"], money["runway_days"], money["runway_end"]) == ("-1.00", -1, "2025-09-22")


def test_absurdly_long_runway_ends_at_the_calendars_end():
    mss = mission()
    flow(mss, "paid", "900000000000000", "2025-01-01")
    spend(mss, "0.0001", "2025-09-01")
    money = funding(brief(mss, D))
    # floor((9e14 - 0.0001) * 90 / 0.0001) = 8.1e20 - 90 days, far past 9999-12-31
    assert money["runway_days"] == 810_000_000_000_000_000_000 - 90
    assert money["runway_end"] == "9999-12-31"


def test_absurdly_negative_runway_is_held_at_the_calendars_start():
    mss = mission()
    flow(mss, "paid", "0.0001", "2025-01-01")
    spend(mss, "900000000000000", "2025-01-02")  # before the window: cash about -9e14
    spend(mss, "0.0001", "2025-09-01")  # the window's only spending
    money = funding(brief(mss, D))
    # floor(-899999999999999.9999... * 90 / 0.0001): about -8.1e20 days
    assert money["runway_end"] == "0001-01-01"
    assert money["runway_days"] < -(10**20)


def test_gap_to_mandate_end_arithmetic():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-10-23")  # 30 days left on D
    flow(mss, "paid", "10000", "2025-01-01")
    flow(mss, "commitment", "500", "2025-01-01")
    spend(mss, "9000", "2025-09-01")  # 100 a day
    data = brief(mss, D)
    money = funding(data)
    assert (money["cash"], money["unpaid_commitments"], money["daily_burn"]) == ("1000.00", "500.00", "100.00")
    assert money["gap_to_mandate_end"] == "1500.00"  # 100 * 30 - 1000 - 500
    assert (money["runway_days"], money["runway_end"]) == (10, "2025-10-03")  # floor(1000 * 90 / 9000)


def test_gap_uses_the_exact_burn():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-10-02")  # 9 days left
    flow(mss, "paid", "1000", "2025-01-01")
    spend(mss, "1000", "2025-09-01")
    # 1000 * 9 / 90 = 100 exactly; the printed burn 11.11 * 9 would give 99.99.
    assert funding(brief(mss, D))["gap_to_mandate_end"] == "100.00"


def test_no_gap_when_cash_and_unpaid_cover_the_days_left():
    mss = mission()
    mandate(mss, "2025-01-01", "2025-10-23")
    flow(mss, "paid", "12000", "2025-01-01")
    flow(mss, "commitment", "500", "2025-01-01")
    spend(mss, "9000", "2025-09-01")
    # 100 * 30 - 3000 - 500 = -500: no gap
    assert funding(brief(mss, D))["gap_to_mandate_end"] == "0.00"


def test_gap_after_the_mandate_ended_or_without_one_counts_no_days():
    ended, without = mission("ended"), mission("without")
    mandate(ended, "2024-01-01", "2025-09-01")
    for mss in (ended, without):
        flow(mss, "paid", "100", "2025-01-01")
        spend(mss, "1000", "2025-09-01")
    # max(0, burn * 0 - (-900) - 0) = 900
    assert funding(brief(ended, D))["gap_to_mandate_end"] == "900.00"
    assert funding(brief(without, D))["gap_to_mandate_end"] == "900.00"


@pytest.mark.parametrize(
    ("cash", "mandate_end", "severity"),
    [
        ("3000", "2026-09-30", "high"),  # runway 30 days (to 2025-10-23)
        ("3100", "2026-09-30", "medium"),  # runway 31 days
        ("3000", "2025-10-24", "high"),  # runway ends 2025-10-23, the day before the mandate's end
        ("3100", "2025-10-24", None),  # runway ends on the mandate's end
        ("3200", "2025-10-24", None),  # runway ends after the mandate's end
    ],
)
def test_funding_runway_boundaries(cash, mandate_end, severity):
    mss = mission()
    mandate(mss, "2025-01-01", mandate_end)
    flow(mss, "paid", str(int(cash) + 9000), "2025-01-01")
    spend(mss, "9000", "2025-09-01")  # 100 a day
    data = brief(mss, D)
    assert funding(data)["cash"] == f"{cash}.00"
    assert [risk["severity"] for risk in risks(data, "FUNDING_RUNWAY")] == ([] if severity is None else [severity])


def test_funding_runway_message_and_evidence():
    mss = mission()
    mandate(mss, "2025-01-01", "2026-09-30")
    flow(mss, "paid", "12000", "2025-01-01")
    spend(mss, "9000", "2025-09-01")
    [risk] = risks(brief(mss, D), "FUNDING_RUNWAY")
    assert risk["subject"] is None
    assert risk["message"] == (
        "Cash of USD 3,000.00 lasts 30 days at USD 100.00 a day, to 23 Oct 2025, before the mandate ends on 30 Sep 2026"
    )
    assert risk["evidence"] == {
        "cash": "3000.00",
        "daily_burn": "100.00",
        "runway_days": 30,
        "runway_end": "2025-10-23",
        "mandate_end": "2026-09-30",
    }


def test_funding_runway_needs_a_mandate():
    mss = mission()
    flow(mss, "paid", "9100", "2025-01-01")
    spend(mss, "9000", "2025-09-01")
    data = brief(mss, D)
    assert funding(data)["runway_days"] == 1  # floor(100 * 90 / 9000)
    assert risks(data, "FUNDING_RUNWAY") == []


@pytest.mark.parametrize(
    ("paid", "fires"),
    [
        ("750", False),  # exactly 25 % unpaid
        ("749.99", True),  # 25.001 %
        ("749.9999", True),  # 250.0001 unpaid: over a quarter, though it prints as 250.00
        ("1200", False),  # more paid than pledged
    ],
)
def test_unpaid_pledges_boundary(paid, fires):
    mss = mission()
    flow(mss, "pledge", "1000", "2025-01-01")
    flow(mss, "paid", paid, "2025-02-01")
    assert [risk["severity"] for risk in risks(brief(mss, D), "UNPAID_PLEDGES")] == (["medium"] if fires else [])


def test_unpaid_pledges_message_and_evidence():
    mss = mission()
    flow(mss, "pledge", "1000", "2025-01-01")
    flow(mss, "paid", "749.99", "2025-02-01")
    [risk] = risks(brief(mss, D), "UNPAID_PLEDGES")
    assert risk["message"] == "USD 250.01 of USD 1,000.00 pledged is not paid"
    assert risk["evidence"] == {"pledged": "1000.00", "paid": "749.99", "unpaid": "250.01"}
    assert risk["subject"] is None


def test_unpaid_pledges_needs_something_pledged():
    mss = mission()
    flow(mss, "commitment", "1000", "2025-01-01")
    assert risks(brief(mss, D), "UNPAID_PLEDGES") == []


def test_unpaid_pledges_compares_converted_amounts():
    mss = mission()
    rate("EUR", "2025-01-01", "0.9")
    flow(mss, "pledge", "900", "2025-01-10", currency="EUR")  # USD 1000
    flow(mss, "paid", "750", "2025-02-01")
    assert risks(brief(mss, D), "UNPAID_PLEDGES") == []  # exactly a quarter unpaid
    flow(mss, "pledge", "0.0009", "2025-01-10", currency="EUR")  # USD 0.001 more pledged: now over a quarter
    assert len(risks(brief(mss, D), "UNPAID_PLEDGES")) == 1


def test_sums_are_exact_before_rounding():
    mss = mission()
    rate("EUR", "2025-01-01", "3")
    rate("EUR", "2025-02-01", "6")
    rate("EUR", "2025-03-01", "12")
    flow(mss, "paid", "1", "2025-01-15", currency="EUR")  # 1/3
    flow(mss, "paid", "2", "2025-02-15", currency="EUR")  # 2/6
    flow(mss, "paid", "4", "2025-03-15", currency="EUR")  # 4/12
    # 1/3 + 1/3 + 1/3 = 1 exactly; rounding each to the cent first would give 0.99.
    assert funding(brief(mss, D))["paid"] == "1.00"


def test_a_runway_of_whole_days_through_a_conversion_is_not_a_day_short():
    mss = mission()
    mandate(mss, "2024-10-02", "2025-04-01")
    rate("CAD", "2024-12-01", "1.35")
    flow(mss, "paid", "200", "2025-01-01", currency="CAD")
    spend(mss, "100", "2025-01-01", currency="CAD")
    data = brief(mss, "2025-01-01")
    money = funding(data)
    # Cash is 100 / 1.35 and the window spent 100 / 1.35: exactly 90 days, though neither ends as a decimal.
    assert (money["cash"], money["spent"], money["runway_days"], money["runway_end"]) == (
        "74.07",
        "74.07",
        90,
        "2025-04-01",
    )
    assert risks(data, "FUNDING_RUNWAY") == []  # the money lasts to the mandate's last day


def test_exactly_a_quarter_unpaid_through_a_conversion_is_not_flagged():
    mss = mission()
    rate("CAD", "2024-12-01", "1.3531")
    flow(mss, "pledge", "100", "2025-01-01", currency="CAD")  # 100 / 1.3531, which never ends
    flow(mss, "paid", "75", "2025-01-01", currency="CAD")
    assert risks(brief(mss, D), "UNPAID_PLEDGES") == []
    flow(mss, "pledge", "0.0001", "2025-01-01", currency="CAD")
    assert len(risks(brief(mss, D), "UNPAID_PLEDGES")) == 1


def test_amounts_that_never_end_as_decimals_add_up_to_an_exact_half_cent():
    mss = mission()
    rate("EUR", "2025-01-01", "3")
    rate("EUR", "2025-02-01", "6")
    flow(mss, "paid", "0.001", "2025-01-15", currency="EUR")  # 0.000333...
    flow(mss, "paid", "0.028", "2025-02-15", currency="EUR")  # 0.004666...
    assert funding(brief(mss, D))["paid"] == "0.00"  # exactly 0.005: half to even
    flow(mss, "paid", "0.03", "2025-02-16", currency="EUR")  # 0.005 more: exactly 0.010
    assert funding(brief(mss, D))["paid"] == "0.01"


@pytest.mark.parametrize(("amount", "printed"), [("0.005", "0.00"), ("0.015", "0.02"), ("0.025", "0.02")])
def test_money_is_rounded_half_even_when_printed(amount, printed):
    mss = mission()
    flow(mss, "paid", amount, "2025-01-01")
    assert funding(brief(mss, D))["paid"] == printed


def test_a_rate_dated_on_the_flows_date_applies():
    mss = mission()
    rate("EUR", "2025-01-01", "0.5")
    rate("EUR", "2025-01-10", "0.8")
    flow(mss, "paid", "80", "2025-01-10", currency="EUR")
    flow(mss, "paid", "50", "2025-01-09", currency="EUR")
    assert funding(brief(mss, D))["paid"] == "200.00"  # 80 / 0.8 + 50 / 0.5


def test_missing_rate_raises_naming_the_currency_and_date():
    mss = mission()
    rate("EUR", "2025-01-10", "0.9")
    flow(mss, "paid", "100", "2025-01-05", currency="EUR")
    with pytest.raises(MissingRateError) as raised:
        build_brief(mss, date(2025, 9, 23))
    assert (raised.value.currency, raised.value.day) == ("EUR", date(2025, 1, 5))
    assert str(raised.value) == "no exchange rate for EUR on or before 2025-01-05"


def test_missing_rate_names_the_earliest_date_lacking_it_whatever_the_stage():
    mss = mission()
    rate("EUR", "2025-03-01", "0.9")
    flow(mss, "paid", "100", "2025-02-01", currency="EUR")
    flow(mss, "pledge", "100", "2025-01-02", currency="EUR")
    spend(mss, "10", "2025-01-20", currency="EUR")
    with pytest.raises(MissingRateError) as raised:
        build_brief(mss, date(2025, 9, 23))
    assert raised.value.day == date(2025, 1, 2)


def test_missing_rate_of_an_expenditure_names_its_date():
    mss = mission()
    rate("EUR", "2025-03-01", "0.9")
    flow(mss, "paid", "100", "2025-03-01", currency="EUR")
    spend(mss, "10", "2025-02-20", currency="EUR")
    spend(mss, "10", "2025-09-01", currency="EUR")
    with pytest.raises(MissingRateError) as raised:
        build_brief(mss, date(2025, 9, 23))
    assert (raised.value.currency, raised.value.day) == ("EUR", date(2025, 2, 20))


def test_flow_after_the_date_without_a_rate_does_not_matter():
    mss = mission()
    flow(mss, "paid", "100", "2025-09-24", currency="EUR")
    assert funding(brief(mss, D))["paid"] == "0.00"


def test_base_currency_other_than_usd_converts_through_usd_with_both_rates():
    eur = mission("eur", currency="EUR")
    rate("EUR", "2025-01-01", "0.9")
    rate("EUR", "2025-02-01", "0.8")
    rate("GBP", "2025-01-01", "0.75")
    rate("GBP", "2025-02-01", "0.5")
    flow(eur, "paid", "1000", "2025-01-15", currency="USD")  # 1000 * 0.9 = 900
    flow(eur, "paid", "300", "2025-02-15", currency="GBP")  # 300 / 0.5 * 0.8 = 480
    flow(eur, "paid", "100", "2025-02-15", currency="EUR")  # 100, no rate needed
    flow(eur, "commitment", "150", "2025-01-05", currency="GBP", ref="G")  # 150 / 0.75 * 0.9 = 180
    flow(eur, "commitment", "100", "2025-01-05", currency="USD", ref="U")  # 100 * 0.9 = 90
    flow(eur, "commitment", "50", "2025-01-05", currency="EUR", ref="E")  # 50
    spend(eur, "75", "2025-01-20", currency="GBP")  # 75 / 0.75 * 0.9 = 90
    data = brief(eur, "2025-03-01")
    assert data["currency"] == "EUR"
    money = funding(data)
    assert (money["paid"], money["committed"], money["spent"], money["cash"]) == (
        "1480.00",
        "320.00",
        "90.00",
        "1390.00",
    )
    # At the rates of 2025-03-01 (GBP 0.5, EUR 0.8): 150 / 0.5 * 0.8 + 100 * 0.8 + 50 = 240 + 80 + 50
    assert money["unpaid_commitments"] == "370.00"


def test_base_currency_without_a_rate_is_an_error_naming_it():
    eur = mission("eur", currency="EUR")
    flow(eur, "paid", "1000", "2025-01-15", currency="USD")
    with pytest.raises(MissingRateError) as raised:
        build_brief(eur, date(2025, 3, 1))
    assert (raised.value.currency, raised.value.day) == ("EUR", date(2025, 1, 15))


def test_base_currency_amounts_need_no_rate():
    eur = mission("eur", currency="EUR")
    flow(eur, "paid", "1000", "2025-01-15", currency="EUR")
    spend(eur, "90", "2025-09-01", currency="EUR")
    money = funding(brief(eur, D))
    assert (money["paid"], money["cash"], money["daily_burn"]) == ("1000.00", "910.00", "1.00")
