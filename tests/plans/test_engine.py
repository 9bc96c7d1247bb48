"""The plan engine on hand-computed scenarios: every figure checked, the arithmetic in the comments."""

from datetime import date
from decimal import Decimal

import pytest

from msaada.finance.money import MissingRateError
from msaada.readiness.plan.engine import PlanError, compute
from msaada.readiness.plan.rows import ContractRow, MandateSpan, PairCount, PlannedPayment, Rate, TargetRow
from tests.plans.inputs import cash, cents, inputs, line, plan

JAN20, MAR10 = date(2026, 1, 20), date(2026, 3, 10)


def build_up():
    # KEN police 40 before the start, 60 from 31 Jan; CHD military 0, then 30 from 1 Feb: a build-up across a month end.
    return plan(
        JAN20,
        MAR10,
        deployed=(PairCount("KEN", "police", 40),),
        targets=(TargetRow("KEN", "police", date(2026, 1, 31), 60), TargetRow("CHD", "military", date(2026, 2, 1), 30)),
        lines=(
            line("allowances", "person_month", "310"),
            line("headquarters", "month", "2800", "voluntary"),
            line("equipment", "arrival", "1000", "bilateral"),
        ),
        cash=(cash("assessed", "50000"), cash("voluntary", "10000"), cash("bilateral", "40000")),
        mandates=(MandateSpan(1, date(2026, 1, 1), date(2026, 12, 31), 120),),
    )


def test_partial_months_and_a_build_up_across_a_month_end():
    result = build_up()
    months = {month.month: month for month in result.months}
    # 20-31 Jan: 12 days; February: 28; 1-10 Mar: 10.
    assert [(m.month, m.days) for m in result.months] == [("2026-01", 12), ("2026-02", 28), ("2026-03", 10)]
    # Strength 40 on 20-30 Jan, 60 on 31 Jan, 90 from 1 Feb: person-days 11*40 + 60 = 500, 28*90 = 2520, 10*90 = 900.
    assert [(m.strength, m.person_days, m.arrivals) for m in result.months] == [
        (60, 500, 20),
        (90, 2520, 30),
        (90, 900, 0),
    ]
    # Allowances 310 a person-month: 310*500/31 = 5000, 310*2520/28 = 27900, 310*900/31 = 9000.
    # Headquarters 2800 a month: 2800*12/31 = 1083.870..., 2800 in a 28-day February, 2800*10/31 = 903.225...
    # Equipment 1000 an arrival: 20 in January, 30 in February, none in March.
    assert {name: cents(value) for name, value in months["2026-01"].cost_by_line.items()} == {
        "allowances": "5000.00",
        "headquarters": "1083.87",
        "equipment": "20000.00",
    }
    assert {name: cents(value) for name, value in months["2026-02"].cost_by_line.items()} == {
        "allowances": "27900.00",
        "headquarters": "2800.00",
        "equipment": "30000.00",
    }
    assert {name: cents(value) for name, value in months["2026-03"].cost_by_line.items()} == {
        "allowances": "9000.00",
        "headquarters": "903.23",
        "equipment": "0.00",
    }
    assert {name: cents(value) for name, value in months["2026-03"].cost_by_channel.items()} == {
        "assessed": "9000.00",
        "voluntary": "903.23",
        "bilateral": "0.00",
    }
    # 25000 + 33600/31 = 26083.870...; 60700; 9000 + 28000/31 = 9903.225...
    assert [cents(m.cost) for m in result.months] == ["26083.87", "60700.00", "9903.23"]
    assert [cents(m.cumulative_cost) for m in result.months] == ["26083.87", "86783.87", "96687.10"]
    # Cash 50000 + 10000 + 40000 = 100000, no planned payments; the balance on each month's last day.
    assert [cents(m.money) for m in result.months] == ["100000.00", "100000.00", "100000.00"]
    assert [cents(m.balance) for m in result.months] == ["73916.13", "13216.13", "3312.90"]
    # 41900 + (61600/31 + 2800) + 50000 = 96687.096...
    assert cents(result.total_cost) == "96687.10"
    assert result.runs_out_on is None
    assert cents(result.gap) == "0.00"
    # 90 never reaches the 120 authorized.
    assert result.full_strength_on is None
    assert result.authorized == 120


def test_channels_against_their_own_funds():
    result = build_up()
    # Bilateral: 40000 of cash, 20000 of equipment on 31 Jan and 30000 on 1 Feb: -10000 on 1 Feb.
    assert [(c.channel, cents(c.total_cost), c.runs_out_on, cents(c.gap)) for c in result.channels] == [
        ("assessed", "41900.00", None, "0.00"),
        ("voluntary", "4787.10", None, "0.00"),
        ("bilateral", "50000.00", date(2026, 2, 1), "10000.00"),
    ]
    # 90 of 120 on 10 Mar is 75 %: under 80 %, not under 50 %.
    assert [(r.code, r.severity, r.on, r.subject) for r in result.risks] == [
        ("CHANNEL_GAP", "medium", date(2026, 2, 1), "bilateral"),
        ("STRENGTH_GAP", "medium", MAR10, None),
    ]
    assert result.risks[0].evidence == {"runs_out_on": "2026-02-01", "gap": "10000.00"}


def test_an_arrival_counts_once_per_person():
    # 10 arrive on 2 Jan; a second target of the same strength on 5 Jan brings nobody; 5 more arrive on 9 Jan.
    result = plan(
        date(2026, 1, 1),
        date(2026, 1, 10),
        targets=(
            TargetRow("KEN", "police", date(2026, 1, 2), 10),
            TargetRow("KEN", "police", date(2026, 1, 5), 10),
            TargetRow("KEN", "police", date(2026, 1, 9), 15),
        ),
        lines=(line("equipment", "arrival", "250"),),
    )
    # 15 arrivals * 250 = 3750.
    assert result.months[0].arrivals == 15
    assert cents(result.total_cost) == "3750.00"


def test_a_target_below_todays_strength_a_rotation_and_another_currency():
    # 100 before the start, 70 from 16 Apr: 15*100 + 15*70 = 2550 person-days in a 30-day April.
    result = plan(
        date(2026, 4, 1),
        date(2026, 4, 30),
        deployed=(PairCount("KEN", "police", 100),),
        targets=(TargetRow("KEN", "police", date(2026, 4, 16), 70),),
        lines=(
            line("travel", "rotation", "600", rotation_months=6),
            line("equipment", "arrival", "1000"),
            line("rations", "person_month", "3900", currency="KES"),
        ),
        rates=(Rate("KES", date(2026, 3, 31), Decimal("130")),),
    )
    month = result.months[0]
    assert (month.days, month.strength, month.person_days, month.arrivals) == (30, 70, 2550, 0)
    # Travel 600 / 6 = 100 a person-month: 100*2550/30 = 8500. Departures cost nothing: equipment 0.
    # Rations 3900 KES at 130 per USD = 30 USD a person-month: 30*2550/30 = 2550.
    assert {name: cents(value) for name, value in month.cost_by_line.items()} == {
        "travel": "8500.00",
        "equipment": "0.00",
        "rations": "2550.00",
    }
    assert cents(result.total_cost) == "11050.00"
    assert result.planning_rates == (Rate("KES", date(2026, 3, 31), Decimal("130")),)


def test_a_base_currency_other_than_the_dollar_converts_through_it():
    # 1000 KES a month in a EUR mission, 125 KES and 0.9 EUR per USD: 1000 / 125 * 0.9 = 7.20 EUR for 1 Feb to 28 Feb.
    result = plan(
        date(2026, 2, 1),
        date(2026, 2, 28),
        currency="EUR",
        lines=(line("hq", "month", "1000", currency="KES"),),
        rates=(Rate("KES", date(2026, 1, 31), Decimal("125")), Rate("EUR", date(2026, 1, 30), Decimal("0.9"))),
    )
    assert cents(result.total_cost) == "7.20"
    assert [rate.currency for rate in result.planning_rates] == ["EUR", "KES"]


def test_a_line_without_a_rate_names_the_currency_and_the_day_before_the_start():
    with pytest.raises(MissingRateError) as error:
        compute(inputs(date(2026, 2, 1), date(2026, 2, 28), lines=(line("hq", "month", "1000", currency="KES"),)))
    assert (error.value.currency, error.value.day) == ("KES", date(2026, 1, 31))


def test_an_end_before_the_start_is_an_error():
    with pytest.raises(PlanError, match="before its start"):
        compute(inputs(date(2026, 2, 1), date(2026, 1, 31)))


def running_out(payment: str):
    # 30 people at 3000 a person-month in a 30-day June: 3000 a day (assessed); 300 a month fixed: 10 a day (voluntary).
    return plan(
        date(2026, 6, 1),
        date(2026, 6, 30),
        deployed=(PairCount("KEN", "police", 30),),
        lines=(line("allowances", "person_month", "3000"), line("hq", "month", "300", "voluntary")),
        cash=(cash("assessed", "30000"),),
        payments=(
            PlannedPayment("assessed", Decimal(payment), "USD", date(2026, 6, 11)),
            PlannedPayment("voluntary", Decimal("150"), "USD", date(2026, 6, 1)),
            # Before the start and after the end: neither counts.
            PlannedPayment("voluntary", Decimal("1000"), "USD", date(2026, 5, 31)),
            PlannedPayment("voluntary", Decimal("1000"), "USD", date(2026, 7, 1)),
        ),
    )


def test_money_running_out_on_the_exact_day():
    result = running_out("2999.99")
    # Assessed: 30000 + 2999.99 on 11 Jun against 11*3000 = 33000: -0.01, out on 11 Jun; gap 90000 - 32999.99.
    # Voluntary: 150 paid on 1 Jun against 10 a day: 0 on 15 Jun (not out), -10 on 16 Jun; gap 300 - 150.
    assert [(c.channel, cents(c.total_cost), c.runs_out_on, cents(c.gap)) for c in result.channels] == [
        ("assessed", "90000.00", date(2026, 6, 11), "57000.01"),
        ("voluntary", "300.00", date(2026, 6, 16), "150.00"),
        ("bilateral", "0.00", None, "0.00"),
    ]
    # In all 3010 a day against 30150, then 33149.99 from 11 Jun: 39.99 on 11 Jun, 33149.99 - 36120 on 12 Jun.
    assert result.runs_out_on == date(2026, 6, 12)
    assert cents(result.months[0].money) == "33149.99"
    assert cents(result.months[0].balance) == "-57150.01"
    assert cents(result.gap) == "57150.01"
    # Out 11 days after the start: high; 30 of 1000 authorized: high; each channel's gap: medium, dated.
    assert [(r.code, r.severity, r.on, r.subject) for r in result.risks] == [
        ("FUNDING_RUNWAY", "high", date(2026, 6, 12), None),
        ("STRENGTH_GAP", "high", date(2026, 6, 30), None),
        ("CHANNEL_GAP", "medium", date(2026, 6, 11), "assessed"),
        ("CHANNEL_GAP", "medium", date(2026, 6, 16), "voluntary"),
    ]


def test_a_balance_of_zero_is_not_out():
    result = running_out("3000.00")
    # Assessed: 33000 against 33000 on 11 Jun is 0, not out; -3000 on 12 Jun.
    assert result.channels[0].runs_out_on == date(2026, 6, 12)


def test_runs_out_far_from_the_start_is_medium():
    daily = plan(
        date(2026, 1, 1),
        date(2026, 4, 30),
        lines=(line("january", "month", "31"),),
        cash=(cash("assessed", "100"),),
    )
    # 31 a month: 93 spent by 31 Mar, 7 left; 31/30 a day in April: 6.20 spent by 6 Apr, 7.23 by 7 Apr.
    # 7 Apr is 96 days after the start: more than 90, medium.
    assert daily.runs_out_on == date(2026, 4, 7)
    assert [(r.code, r.severity) for r in daily.risks if r.code == "FUNDING_RUNWAY"] == [("FUNDING_RUNWAY", "medium")]


def test_two_capacity_bound_lines_and_a_shortfall_that_opens_and_closes():
    # Strength 100 on 1-9 Jul, 150 on 10-19 Jul, 120 from 20 Jul.
    # Beds: 100 all month, 30 more from 15 Jul: short 50 on 10-14 Jul, 20 on 15-19 Jul, none from 20 Jul (120 <= 130).
    result = plan(
        date(2026, 7, 1),
        date(2026, 7, 31),
        deployed=(PairCount("KEN", "police", 100),),
        targets=(
            TargetRow("KEN", "police", date(2026, 7, 10), 150),
            TargetRow("KEN", "police", date(2026, 7, 20), 120),
        ),
        lines=(
            line("accommodation", "person_month", "31", service_line="beds", lead_days=45),
            line("medical", "person_month", "31", service_line="medical", lead_days=0),
        ),
        contracts=(
            ContractRow("beds", date(2026, 1, 1), date(2026, 7, 31), 100),
            ContractRow("beds", date(2026, 7, 15), date(2026, 12, 31), 30),
            ContractRow("medical", date(2026, 1, 1), date(2026, 12, 31), 200),
        ),
    )
    [needed] = result.contracts_needed
    # Sign 45 days before 10 Jul: 26 May (10 Jul - 30 = 10 Jun, - 15 = 26 May).
    assert (needed.service_line, needed.start, needed.end, needed.worst_shortfall, needed.sign_by) == (
        "beds",
        date(2026, 7, 10),
        date(2026, 7, 19),
        50,
        date(2026, 5, 26),
    )
    # Already too late (on or before the start + 30 days): high, dated the day to sign by.
    capacity = [r for r in result.risks if r.code == "CAPACITY_SHORT"]
    assert [(r.severity, r.on, r.subject) for r in capacity] == [("high", date(2026, 5, 26), "beds")]
    assert capacity[0].evidence["worst_shortfall"] == 50
    # 9*100 + 10*150 + 12*120 = 3840 person-days, 31*3840/31 = 3840 per line.
    assert cents(result.total_cost) == "7680.00"


def test_a_line_without_contracts_falls_short_to_the_end_and_a_late_sign_by_is_medium():
    # Nobody until 15 Oct, then 10 people and no contract for the line.
    result = plan(
        date(2026, 9, 1),
        date(2026, 11, 30),
        targets=(TargetRow("KEN", "police", date(2026, 10, 15), 10),),
        lines=(line("fuel", "month", "0", service_line="fuel", lead_days=10),),
    )
    [needed] = result.contracts_needed
    # Short from 15 Oct to the end; sign by 5 Oct, more than 30 days after 1 Sep (1 Oct): medium.
    assert (needed.start, needed.end, needed.worst_shortfall, needed.sign_by) == (
        date(2026, 10, 15),
        date(2026, 11, 30),
        10,
        date(2026, 10, 5),
    )
    assert [(r.code, r.severity, r.on) for r in result.risks if r.code == "CAPACITY_SHORT"] == [
        ("CAPACITY_SHORT", "medium", date(2026, 10, 5))
    ]


def test_no_mandate_on_the_end_date():
    mandate = (MandateSpan(1, date(2025, 10, 2), date(2026, 10, 2), 100),)
    # 40 of 100 is under half: on 1 Oct the mandate runs, and the gap is high.
    within = plan(date(2026, 9, 1), date(2026, 10, 1), deployed=(PairCount("KEN", "police", 40),), mandates=mandate)
    assert [(r.code, r.severity, r.on) for r in within.risks] == [("STRENGTH_GAP", "high", date(2026, 10, 1))]
    assert within.authorized == 100
    # On 10 Oct no mandate runs: no authorized strength, no strength gap, and full strength reached after the
    # mandate's end does not count.
    beyond = plan(
        date(2026, 9, 1),
        date(2026, 10, 10),
        deployed=(PairCount("KEN", "police", 40),),
        targets=(TargetRow("KEN", "police", date(2026, 10, 5), 100),),
        mandates=mandate,
    )
    assert beyond.authorized is None
    assert beyond.risks == ()
    assert beyond.full_strength_on is None


def test_full_strength_on_the_first_day_at_the_authorized_strength():
    result = plan(
        date(2026, 9, 1),
        date(2026, 10, 1),
        targets=(TargetRow("KEN", "police", date(2026, 9, 15), 99), TargetRow("KEN", "police", date(2026, 9, 20), 100)),
        mandates=(MandateSpan(1, date(2025, 10, 2), date(2026, 10, 2), 100),),
    )
    assert result.full_strength_on == date(2026, 9, 20)
    assert result.risks == ()


def test_a_target_dated_before_the_start_holds_from_the_start():
    # Deployed 5; a target of 8 dated before the start: 3 arrive on the start.
    result = plan(
        date(2026, 3, 1),
        date(2026, 3, 2),
        deployed=(PairCount("KEN", "police", 5),),
        targets=(TargetRow("KEN", "police", date(2026, 2, 1), 8),),
        lines=(line("equipment", "arrival", "1"),),
    )
    assert (result.months[0].strength, result.months[0].arrivals, cents(result.total_cost)) == (8, 3, "3.00")
