"""Rules of the money that span rows: an amount in a currency needs an exchange rate on or before its date."""

from datetime import date

from django.db.models import Min

from msaada.finance.models import FxRate
from msaada.finance.money import needs_rate


def first_rate_dates() -> dict[str, date]:
    """Return, per currency, the date of its earliest exchange rate on record."""
    rows = FxRate.objects.current().values("currency").annotate(first=Min("date"))
    return {row["currency"]: row["first"] for row in rows}


def has_rate(currency: str, on: date, first_rates: dict[str, date]) -> bool:
    """Whether an amount in `currency` dated `on` can be converted: USD always, others from their first rate on."""
    return not needs_rate(currency) or (currency in first_rates and first_rates[currency] <= on)
