"""Rules of the money that span rows: an amount in a currency needs an exchange rate on or before its date."""

from datetime import date

from django.db import models
from django.db.models import Min
from django.utils.translation import gettext as _

from msaada.core.rules import Finding, RowRule, register
from msaada.finance.models import Expenditure, Flow, FxRate
from msaada.finance.money import needs_rate


def first_rate_dates() -> dict[str, date]:
    """Return, per currency, the date of its earliest exchange rate on record."""
    rows = FxRate.objects.current().values("currency").annotate(first=Min("date"))
    return {row["currency"]: row["first"] for row in rows}


def has_rate(currency: str, on: date, first_rates: dict[str, date]) -> bool:
    """Whether an amount in `currency` dated `on` can be converted: USD always, others from their first rate on."""
    return not needs_rate(currency) or (currency in first_rates and first_rates[currency] <= on)


class NeedsRate(RowRule):
    """An amount, and the mission's base currency, each need an exchange rate on or before the record's date."""

    reads = ("currency", "date")

    def context(self, mission: models.Model | None) -> dict[str, date]:
        return first_rate_dates()

    def check(self, record: models.Model, *, mission: models.Model | None, context: object) -> list[Finding]:
        if record.date is None or not record.currency or mission is None:
            return []
        return [
            Finding(
                "currency",
                _("no FX rate for %(currency)s on or before %(date)s") % {"currency": currency, "date": record.date},
                currency,
            )
            for currency in sorted({record.currency, mission.base_currency})
            if not has_rate(currency, record.date, context)
        ]


def register_rules() -> None:
    """Register the rules of the money with the records they check: the amounts the brief converts."""
    rule = NeedsRate()
    for model in (Flow, Expenditure):
        register(model, rule)
