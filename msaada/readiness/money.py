"""Exact money arithmetic for the brief: conversion to the base currency, floors, cents."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal

from django.utils.translation import gettext as _

from msaada.readiness.rows import USD, MoneyGroup

# Sums of stored amounts are exact at any precision; 60 digits keep a conversion (a division
# by a rate) far below a cent, so rounding half-even when printing gives the exact result.
MONEY = Context(prec=60, rounding=ROUND_HALF_EVEN)
ZERO = Decimal(0)
CENT = Decimal("0.01")


class MissingRateError(Exception):
    """An amount that cannot be converted because its currency has no rate on or before its date."""

    def __init__(self, currency: str, day: date):
        self.currency = currency
        self.day = day
        super().__init__(
            _("no exchange rate for %(currency)s on or before %(date)s")
            % {"currency": currency, "date": day.isoformat()}
        )


def to_base(group: MoneyGroup, base: str) -> Decimal:
    """Convert a group's sum to the base currency: amount / per_usd(currency) * per_usd(base)."""
    if group.currency == base:
        return group.amount
    per_usd = Decimal(1) if group.currency == USD else _required(group.per_usd, group.currency, group.first_date)
    base_per_usd = Decimal(1) if base == USD else _required(group.base_per_usd, base, group.first_date)
    return MONEY.divide(MONEY.multiply(group.amount, base_per_usd), per_usd)


def check_rates(groups: Iterable[MoneyGroup], base: str) -> None:
    """Raise MissingRateError for the earliest date lacking a rate among the groups, if any lacks one.

    Converting the groups one by one would name the first group that fails, not the earliest date.
    """
    missing = [
        (group.first_date, currency)
        for group in groups if group.currency != base
        for currency, rate in ((group.currency, group.per_usd), (base, group.base_per_usd))
        if currency != USD and rate is None
    ]
    if missing:
        day, currency = min(missing)
        raise MissingRateError(currency, day)


def _required(rate: Decimal | None, currency: str, day: date) -> Decimal:
    if rate is None:
        raise MissingRateError(currency, day)
    return rate


def total(amounts: Iterable[Decimal]) -> Decimal:
    """Add amounts at the money precision."""
    result = ZERO
    for amount in amounts:
        result = MONEY.add(result, amount)
    return result


def floor_div(numerator: Decimal, denominator: Decimal) -> int:
    """Return floor(numerator / denominator) exactly, for a positive denominator."""
    quotient, remainder = MONEY.divmod(numerator, denominator)
    # Decimal's integer division truncates toward zero; a floor goes one lower for negatives.
    return int(quotient) - (1 if remainder and numerator < 0 else 0)


def cents(amount: Decimal) -> Decimal:
    """Round to the cent, half to even, never showing a negative zero."""
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_EVEN, context=MONEY)
    return rounded.copy_abs() if rounded.is_zero() else rounded
