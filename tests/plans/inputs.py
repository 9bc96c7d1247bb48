"""Small plan inputs for the engine's tests: every field defaulted, so a test names only what it is about."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from msaada.readiness.plan.engine import Plan, compute
from msaada.readiness.plan.risks import assess
from msaada.readiness.plan.rows import CostLineRow, FundCash, MandateSpan, PairCount, PlanInputs


def line(budget_line: str, basis: str, amount: str, channel: str = "assessed", currency: str = "USD", **extra: Any):
    return CostLineRow(budget_line, basis, Decimal(amount), currency, channel, **extra)


def cash(channel: str, amount: str, fund: str | None = None) -> FundCash:
    return FundCash(fund or channel, channel, Fraction(Decimal(amount)))


def inputs(start: date, end: date, **fields: Any) -> PlanInputs:
    values: dict[str, Any] = {
        "mission": "TST",
        "scenario": "test",
        "currency": "USD",
        "start": start,
        "end": end,
        "cost_model": "model",
        "rates": (),
        "lines": (),
        "deployed": (PairCount("KEN", "police", 0),),
        "targets": (),
        "cash": (),
        "payments": (),
        "contracts": (),
        "mandates": (MandateSpan(1, date(2020, 1, 1), date(2030, 12, 31), 1000),),
    }
    return PlanInputs(**(values | fields))


def plan(start: date, end: date, **fields: Any) -> Plan:
    return assess(compute(inputs(start, end, **fields)))


def cents(value: Fraction) -> str:
    from msaada.readiness.formats import money_value

    return money_value(value)
