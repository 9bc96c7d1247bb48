"""Exact money arithmetic for the brief: conversion to the base currency, sums, cents.

A conversion divides by a rate, which no decimal precision holds exactly (1 / 1.35 never ends),
and a floor (the runway), a comparison (a quarter unpaid) or a half cent would then land on the
wrong side of its boundary. So the brief keeps money as exact fractions, and rounds half-even to
the cent only when it prints.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from msaada.readiness.rows import USD, MoneyGroup

ZERO = Fraction(0)


class MissingRateError(Exception):
    """An amount that cannot be converted because its currency has no rate on or before its date."""

    def __init__(self, currency: str, day: date):
        self.currency = currency
        self.day = day
        super().__init__(
            _("no exchange rate for %(currency)s on or before %(date)s")
            % {"currency": currency, "date": day.isoformat()}
        )


def to_base(group: MoneyGroup, base: str) -> Fraction:
    """Convert a group's sum to the base currency: amount / per_usd(currency) * per_usd(base)."""
    if group.currency == base:
        return Fraction(group.amount)
    per_usd = 1 if group.currency == USD else _required(group.per_usd, group.currency, group.first_date)
    base_per_usd = 1 if base == USD else _required(group.base_per_usd, base, group.first_date)
    return Fraction(group.amount) * Fraction(base_per_usd) / Fraction(per_usd)


def check_rates(groups: Iterable[MoneyGroup], base: str) -> None:
    """Raise MissingRateError for the earliest date lacking a rate among the groups, if any lacks one.

    Converting the groups one by one would name the first group that fails, not the earliest date.
    """
    missing = [
        (group.first_date, currency)
        for group in groups
        if group.currency != base
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


def total(amounts: Iterable[Fraction]) -> Fraction:
    """Add amounts exactly."""
    return sum(amounts, ZERO)


def cents(amount: Fraction | Decimal) -> Decimal:
    """Round to the cent, half to even (Fraction's own rounding), never showing a negative zero."""
    return Decimal(round(Fraction(amount) * 100)).scaleb(-2)
