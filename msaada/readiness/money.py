"""Exact money arithmetic for the brief: conversion to the base currency, sums, cents.

A conversion divides by a rate, which no decimal precision holds exactly (1 / 1.35 never ends),
and a floor (the runway), a comparison (a quarter unpaid) or a half cent would then land on the
wrong side of its boundary. So the brief keeps money as exact fractions, and rounds half-even to
the cent only when it prints.
"""

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from msaada.finance.money import MissingRateError, convert, missing_rates
from msaada.readiness.rows import MoneyGroup

ZERO = Fraction(0)


def to_base(group: MoneyGroup, base: str) -> Fraction:
    """Convert a group's sum to the base currency at the group's rates (see `finance.money.convert`)."""
    return convert(group.amount, group.currency, base, group.per_usd, group.base_per_usd, group.first_date)


def check_rates(groups: Iterable[MoneyGroup], base: str) -> None:
    """Raise MissingRateError for the earliest date lacking a rate among the groups, if any lacks one.

    Converting the groups one by one would name the first group that fails, not the earliest date.
    """
    missing = [
        (group.first_date, currency)
        for group in groups
        for currency in missing_rates(group.currency, base, group.per_usd, group.base_per_usd)
    ]
    if missing:
        day, currency = min(missing)
        raise MissingRateError(currency, day)


def total(amounts: Iterable[Fraction]) -> Fraction:
    """Add amounts exactly."""
    return sum(amounts, ZERO)


def cents(amount: Fraction | Decimal) -> Decimal:
    """Round to the cent, half to even (Fraction's own rounding), never showing a negative zero."""
    return Decimal(round(Fraction(amount) * 100)).scaleb(-2)
