"""A plan computed day by day from its inputs (DESIGN.md, "Plans: definitions"): pure, no ORM, no clock.

Money stays an exact fraction all along (a person-month split over 31 days never ends in decimals);
it is rounded half-even to the cent only when printed.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from msaada.finance.money import USD, convert, needs_rate
from msaada.readiness.days import shift
from msaada.readiness.money import ZERO
from msaada.readiness.plan.rows import (
    ARRIVAL,
    CHANNELS,
    MONTH,
    PERSON_MONTH,
    ROTATION,
    CostLineRow,
    MandateSpan,
    Pair,
    PlanInputs,
    Rate,
)
from msaada.readiness.rows import SourceRow

if TYPE_CHECKING:
    from msaada.readiness.plan.risks import PlanRisk

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class MonthFigure:
    """One calendar month of the plan, clipped to its start and end; strength, money and balance on its last day."""

    month: str
    first: date
    last: date
    days: int
    strength: int
    person_days: int
    arrivals: int
    cost: Fraction
    cost_by_line: dict[str, Fraction]
    cost_by_channel: dict[str, Fraction]
    cumulative_cost: Fraction
    money: Fraction
    balance: Fraction


@dataclass(frozen=True)
class ChannelFigure:
    """What one channel's lines cost against its funds' cash and planned payments."""

    channel: str
    total_cost: Fraction
    runs_out_on: date | None
    gap: Fraction


@dataclass(frozen=True)
class ContractNeeded:
    """A maximal run of days on which a capacity-bound line provides for fewer people than the strength."""

    service_line: str
    start: date
    end: date
    worst_shortfall: int
    sign_by: date
    lead_days: int


@dataclass(frozen=True)
class DayFigure:
    """One day of the plan, as the charts draw it."""

    day: date
    strength: int
    authorized: int | None
    cumulative_cost: Fraction
    money: Fraction


@dataclass(frozen=True)
class Plan:
    """A scenario computed: the months, the summary, the channels, the contracts to sign and the dated risks."""

    mission: str
    scenario: str
    derived: str | None
    start: date
    end: date
    currency: str
    cost_model: str | None
    planning_rates: tuple[Rate, ...]
    months: tuple[MonthFigure, ...]
    total_cost: Fraction
    runs_out_on: date | None
    gap: Fraction
    full_strength_on: date | None
    authorized: int | None
    strength_on_end: int
    channels: tuple[ChannelFigure, ...]
    contracts_needed: tuple[ContractNeeded, ...]
    capacity: dict[str, tuple[int, ...]] = field(default_factory=dict)
    days: tuple[DayFigure, ...] = ()
    sources: tuple[SourceRow, ...] = ()
    risks: tuple["PlanRisk", ...] = ()


def days_in_month(day: date) -> int:
    """Return how many days the day's calendar month has."""
    return calendar.monthrange(day.year, day.month)[1]


def each_day(first: date, last: date) -> Iterable[date]:
    """Yield every day from first to last, both included."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def mandate_running(mandates: Iterable[MandateSpan], day: date) -> MandateSpan | None:
    """Return the mandate running on the day (the one that started last; ties: later end, higher pk), or None."""
    running = [row for row in mandates if row.start <= day <= row.end]
    return max(running, key=lambda row: (row.start, row.end, row.pk), default=None)


def planning_rates(inputs: PlanInputs) -> tuple[Rate, ...]:
    """Return the rates the plan converts with, by currency: those of every currency it holds but the base."""
    held = {line.currency for line in inputs.lines} | {payment.currency for payment in inputs.payments}
    foreign = held - {inputs.currency}
    needed = {code for code in foreign if needs_rate(code)}
    if foreign and needs_rate(inputs.currency):
        needed.add(inputs.currency)
    return tuple(sorted((rate for rate in inputs.rates if rate.currency in needed), key=lambda rate: rate.currency))


class Converter:
    """Convert amounts to the base currency at the planning rates; a missing rate names the day before the start."""

    def __init__(self, inputs: PlanInputs) -> None:
        self.base = inputs.currency
        self.day = shift(inputs.start, -1)
        self.per_usd = {rate.currency: rate.per_usd for rate in inputs.rates}

    def __call__(self, amount: Decimal | Fraction | int, currency: str) -> Fraction:
        own = None if currency == USD else self.per_usd.get(currency)
        of_base = None if self.base == USD else self.per_usd.get(self.base)
        return convert(amount, currency, self.base, own, of_base, self.day)  # type: ignore[arg-type]


def monthly_rate(line: CostLineRow, amount: Fraction) -> Fraction:
    """Return a per-person or fixed line's amount per month (a rotation spread over its months)."""
    if line.basis == ROTATION:
        return amount / (line.rotation_months or 1)
    return amount


def strengths(inputs: PlanInputs) -> list[tuple[int, int]]:
    """Return (strength, arrivals) for each day from start to end.

    A pair's strength is its latest target's on or before the day, else its deployed the day before
    the start; arrivals are the rises of each pair from one day to the next (departures cost nothing).
    """
    pairs: dict[Pair, int] = {row.pair: row.count for row in inputs.deployed}
    targets: dict[Pair, list[tuple[date, int]]] = {}
    for row in inputs.targets:
        pairs.setdefault(row.pair, 0)
        targets.setdefault(row.pair, []).append((row.date, row.strength))
    for rows in targets.values():
        # Stable on the date: of two targets on one date, the later listed replaces the earlier.
        rows.sort(key=lambda row: row[0])
    now = dict(pairs)
    seen = dict.fromkeys(pairs, 0)
    result = []
    for day in each_day(inputs.start, inputs.end):
        arrivals = 0
        for pair, before in now.items():
            rows, index = targets.get(pair, []), seen[pair]
            after = before
            while index < len(rows) and rows[index][0] <= day:
                after = rows[index][1]
                index += 1
            seen[pair] = index
            arrivals += max(0, after - before)
            now[pair] = after
        result.append((sum(now.values()), arrivals))
    return result


def runs_out_on(days: list[date], balances: list[Fraction]) -> date | None:
    """Return the first day whose balance is below zero (zero is not out), or None."""
    return next((day for day, balance in zip(days, balances, strict=True) if balance < 0), None)


def contracts_needed(
    inputs: PlanInputs, days: list[date], strength: list[int]
) -> tuple[tuple[ContractNeeded, ...], dict[str, tuple[int, ...]]]:
    """Return each run of days a capacity-bound line falls short of the strength, by line then date, and capacities."""
    lead: dict[str, int] = {}
    for line in inputs.lines:
        if line.service_line is not None:
            # Two lines of one service need one contract: the longer lead decides when to sign it.
            lead[line.service_line] = max(lead.get(line.service_line, 0), line.lead_days or 0)
    needed: list[ContractNeeded] = []
    capacities: dict[str, tuple[int, ...]] = {}
    for name in sorted(lead):
        contracts = [row for row in inputs.contracts if row.service_line == name]
        capacity = tuple(sum(row.capacity for row in contracts if row.start <= day <= row.end) for day in days)
        capacities[name] = capacity
        run: list[int] = []
        for index, (have, need) in enumerate(zip(capacity, strength, strict=True)):
            if have < need:
                run.append(index)
            if run and (have >= need or index == len(days) - 1):
                needed.append(
                    ContractNeeded(
                        service_line=name,
                        start=days[run[0]],
                        end=days[run[-1]],
                        worst_shortfall=max(strength[i] - capacity[i] for i in run),
                        sign_by=shift(days[run[0]], -lead[name]),
                        lead_days=lead[name],
                    )
                )
                run = []
    return tuple(needed), capacities


class PlanError(ValueError):
    """A plan that cannot be computed: its end before its start."""


def compute(inputs: PlanInputs) -> Plan:
    """Compute the plan (without its risks) day by day and sum it by calendar month."""
    if inputs.end < inputs.start:
        raise PlanError(
            _("the plan ends on %(end)s, before its start on %(start)s")
            % {"end": inputs.end.isoformat(), "start": inputs.start.isoformat()}
        )
    to_base = Converter(inputs)
    lines = [(line, to_base(line.amount, line.currency)) for line in inputs.lines]
    payments = [(payment, to_base(payment.amount, payment.currency)) for payment in inputs.payments]
    days = list(each_day(inputs.start, inputs.end))
    daily = strengths(inputs)
    strength = [row[0] for row in daily]

    channel_cash = dict.fromkeys(CHANNELS, ZERO)
    for row in inputs.cash:
        channel_cash[row.channel] += Fraction(row.cash)
    paid_on: dict[date, dict[str, Fraction]] = {}
    for payment, amount in payments:
        if inputs.start <= payment.date <= inputs.end:
            by_channel = paid_on.setdefault(payment.date, dict.fromkeys(CHANNELS, ZERO))
            by_channel[payment.channel] += amount

    money = sum(channel_cash.values(), ZERO)
    channel_money = dict(channel_cash)
    spent = ZERO
    channel_spent = dict.fromkeys(CHANNELS, ZERO)
    balances: list[Fraction] = []
    channel_balances: dict[str, list[Fraction]] = {channel: [] for channel in CHANNELS}
    day_figures: list[DayFigure] = []
    months: list[MonthFigure] = []
    month: dict | None = None
    for index, day in enumerate(days):
        people, arrivals = daily[index]
        in_month = days_in_month(day)
        if month is None or month["first"].month != day.month or month["first"].year != day.year:
            month = {
                "first": day,
                "days": 0,
                "person_days": 0,
                "arrivals": 0,
                "by_line": {line.budget_line: ZERO for line, _amount in lines},
                "by_channel": dict.fromkeys(CHANNELS, ZERO),
            }
        today = ZERO
        for line, amount in lines:
            if line.basis in (PERSON_MONTH, ROTATION):
                cost = monthly_rate(line, amount) * people / in_month
            elif line.basis == ARRIVAL:
                cost = amount * arrivals
            elif line.basis == MONTH:
                cost = amount / in_month
            else:
                raise ValueError(line.basis)
            month["by_line"][line.budget_line] += cost
            month["by_channel"][line.channel] += cost
            channel_spent[line.channel] += cost
            today += cost
        spent += today
        for channel, amount in paid_on.get(day, {}).items():
            channel_money[channel] += amount
            money += amount
        balances.append(money - spent)
        for channel in CHANNELS:
            channel_balances[channel].append(channel_money[channel] - channel_spent[channel])
        running = mandate_running(inputs.mandates, day)
        day_figures.append(DayFigure(day, people, running.authorized_strength if running else None, spent, money))
        month["days"] += 1
        month["person_days"] += people
        month["arrivals"] += arrivals
        if day == inputs.end or (day + ONE_DAY).month != day.month:
            months.append(
                MonthFigure(
                    month=f"{day.year:04d}-{day.month:02d}",
                    first=month["first"],
                    last=day,
                    days=month["days"],
                    strength=people,
                    person_days=month["person_days"],
                    arrivals=month["arrivals"],
                    cost=sum(month["by_channel"].values(), ZERO),
                    cost_by_line=month["by_line"],
                    cost_by_channel=month["by_channel"],
                    cumulative_cost=spent,
                    money=money,
                    balance=money - spent,
                )
            )

    needed, capacities = contracts_needed(inputs, days, strength)
    at_end = mandate_running(inputs.mandates, inputs.end)
    final = balances[-1] if balances else sum(channel_cash.values(), ZERO)
    return Plan(
        mission=inputs.mission,
        scenario=inputs.scenario,
        derived=inputs.derived,
        start=inputs.start,
        end=inputs.end,
        currency=inputs.currency,
        cost_model=inputs.cost_model,
        planning_rates=planning_rates(inputs),
        months=tuple(months),
        total_cost=spent,
        runs_out_on=runs_out_on(days, balances),
        gap=max(ZERO, -final),
        full_strength_on=next(
            (row.day for row in day_figures if row.authorized is not None and row.strength >= row.authorized), None
        ),
        authorized=at_end.authorized_strength if at_end else None,
        strength_on_end=strength[-1] if strength else 0,
        channels=tuple(
            ChannelFigure(
                channel=channel,
                total_cost=channel_spent[channel],
                runs_out_on=runs_out_on(days, channel_balances[channel]),
                gap=max(ZERO, -channel_balances[channel][-1]) if days else max(ZERO, -channel_cash[channel]),
            )
            for channel in CHANNELS
        ),
        contracts_needed=needed,
        capacity=capacities,
        days=tuple(day_figures),
        sources=inputs.sources,
    )
