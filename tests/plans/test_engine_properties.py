"""Properties every plan keeps, whatever the scenario: sums agree, cumulative cost only grows, more people cost more."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from msaada.readiness.plan.engine import Plan, compute
from msaada.readiness.plan.rows import (
    CHANNELS,
    CostLineRow,
    FundCash,
    MandateSpan,
    PairCount,
    PlanInputs,
    PlannedPayment,
    Rate,
    TargetRow,
)

START = date(2026, 1, 15)
PAIRS = (("KEN", "police"), ("JAM", "police"), ("TCD", "military"))
days = st.integers(-20, 120).map(lambda n: START + timedelta(days=n))
amounts = st.decimals(min_value=0, max_value=10**6, places=4)


@st.composite
def lines(draw) -> CostLineRow:
    basis = draw(st.sampled_from(["person_month", "rotation", "arrival", "month"]))
    return CostLineRow(
        budget_line=draw(st.sampled_from(["allowances", "travel", "equipment", "hq"])),
        basis=basis,
        amount=draw(amounts),
        currency=draw(st.sampled_from(["USD", "EUR", "KES"])),
        channel=draw(st.sampled_from(CHANNELS)),
        rotation_months=draw(st.integers(1, 12)) if basis == "rotation" else None,
    )


@st.composite
def scenarios(draw) -> PlanInputs:
    return PlanInputs(
        mission="TST",
        scenario="random",
        currency=draw(st.sampled_from(["USD", "EUR"])),
        start=START,
        end=START + timedelta(days=draw(st.integers(0, 100))),
        cost_model="model",
        rates=(Rate("EUR", date(2026, 1, 1), Decimal("0.92")), Rate("KES", date(2026, 1, 1), Decimal("129.3"))),
        lines=tuple(draw(st.lists(lines(), max_size=5))),
        deployed=tuple(PairCount(*pair, draw(st.integers(0, 500))) for pair in PAIRS),
        targets=tuple(
            TargetRow(*draw(st.sampled_from(PAIRS)), draw(days), draw(st.integers(0, 1000)))
            for _ in range(draw(st.integers(0, 6)))
        ),
        cash=tuple(FundCash(channel, channel, draw(amounts)) for channel in CHANNELS),
        payments=tuple(
            PlannedPayment(draw(st.sampled_from(CHANNELS)), draw(amounts), "USD", draw(days))
            for _ in range(draw(st.integers(0, 3)))
        ),
        contracts=(),
        mandates=(MandateSpan(1, date(2025, 10, 2), date(2026, 3, 1), draw(st.integers(0, 2000))),),
    )


def total_people(plan: Plan) -> int:
    return sum(month.person_days for month in plan.months)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_sums_agree_and_cumulative_cost_only_grows(inputs: PlanInputs):
    plan = compute(inputs)
    running = 0
    for month in plan.months:
        running += month.cost
        assert month.cumulative_cost == running
        assert sum(month.cost_by_line.values()) == month.cost == sum(month.cost_by_channel.values())
        assert month.balance == month.money - month.cumulative_cost
    assert [m.cumulative_cost for m in plan.months] == sorted(m.cumulative_cost for m in plan.months)
    assert sum(day.strength for day in plan.days) == total_people(plan)
    assert plan.total_cost == running == sum(channel.total_cost for channel in plan.channels)
    assert sum(month.days for month in plan.months) == (inputs.end - inputs.start).days + 1


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.data())
def test_more_people_never_cost_less(inputs: PlanInputs, data: st.DataObject):
    """More people: a pair k stronger before the start and at each of its targets, or a new pair's targets.

    (Raising one target alone may spare a later arrival: a pair held at 1 instead of dipping to 0 arrives
    no more, so that is not "more people" in this sense.)
    """
    plan = compute(inputs)
    if data.draw(st.booleans()):
        pair, more = data.draw(st.sampled_from(PAIRS)), data.draw(st.integers(1, 300))
        bigger_inputs = replace(
            inputs,
            deployed=tuple(
                replace(row, count=row.count + more) if row.pair == pair else row for row in inputs.deployed
            ),
            targets=tuple(
                replace(row, strength=row.strength + more) if row.pair == pair else row for row in inputs.targets
            ),
        )
    else:
        extra = TargetRow("BGD", "police", data.draw(days), data.draw(st.integers(1, 300)))
        bigger_inputs = replace(inputs, targets=(*inputs.targets, extra))
    bigger = compute(bigger_inputs)
    assert bigger.total_cost >= plan.total_cost
    assert total_people(bigger) >= total_people(plan)
