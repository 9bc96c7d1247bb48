"""Money across currencies: a rate is the units of a currency per US dollar, so the dollar needs none.

Every conversion (the brief, the dashboard) and every rate check (the import, the forms) asks
`needs_rate` and converts with `convert`, so that "USD needs no rate" is written once.
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

USD = "USD"


class MissingRateError(Exception):
    """An amount that cannot be converted because its currency has no rate on or before its date."""

    def __init__(self, currency: str, day: date):
        self.currency = currency
        self.day = day
        super().__init__(
            _("no exchange rate for %(currency)s on or before %(date)s")
            % {"currency": currency, "date": day.isoformat()}
        )


def needs_rate(currency: str) -> bool:
    """Whether amounts in the currency convert through a rate on record: every currency but the dollar."""
    return currency != USD


def missing_rates(currency: str, base: str, per_usd: Decimal | None, base_per_usd: Decimal | None) -> list[str]:
    """Return the currencies whose rate converting `currency` to `base` needs but lacks (None), the amount's first."""
    if currency == base:
        return []
    return [code for code, rate in ((currency, per_usd), (base, base_per_usd)) if needs_rate(code) and rate is None]


def convert(
    amount: Decimal, currency: str, base: str, per_usd: Decimal | None, base_per_usd: Decimal | None, day: date
) -> Fraction:
    """Convert an amount to the base currency exactly: amount / per_usd(currency) * per_usd(base).

    Raise MissingRateError, naming `day`, when a rate the conversion needs is None.
    """
    missing = missing_rates(currency, base, per_usd, base_per_usd)
    if missing:
        raise MissingRateError(missing[0], day)
    if currency == base:
        return Fraction(amount)
    own = Fraction(per_usd) if needs_rate(currency) else Fraction(1)
    of_base = Fraction(base_per_usd) if needs_rate(base) else Fraction(1)
    return Fraction(amount) * of_base / own
