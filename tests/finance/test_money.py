"""Money across currencies: the dollar needs no rate, every other currency does, in a check as in a conversion."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from msaada.finance.money import MissingRateError, convert, missing_rates
from msaada.finance.rules import has_rate

DAY = dt.date(2024, 3, 1)


def test_a_dollar_amount_converts_and_passes_the_rate_rule_with_no_rate_on_record() -> None:
    assert has_rate("USD", DAY, {})
    assert convert(Decimal("10"), "USD", "EUR", None, Decimal("0.9"), DAY) == Fraction(9)


def test_an_amount_in_another_currency_needs_its_rate_from_its_first_date_on() -> None:
    assert not has_rate("EUR", DAY, {})
    assert not has_rate("EUR", DAY, {"EUR": dt.date(2024, 3, 2)})
    assert has_rate("EUR", DAY, {"EUR": DAY})


def test_a_conversion_between_two_currencies_goes_through_the_dollar_exactly() -> None:
    # 135 HTG at 135 HTG per USD is 1 USD, which is 0.9 EUR at 0.9 EUR per USD.
    assert convert(Decimal("135"), "HTG", "EUR", Decimal("135"), Decimal("0.9"), DAY) == Fraction(9, 10)


def test_an_amount_in_the_base_currency_needs_no_rate_even_when_the_base_is_not_the_dollar() -> None:
    assert missing_rates("EUR", "EUR", None, None) == []
    assert convert(Decimal("7.25"), "EUR", "EUR", None, None, DAY) == Fraction(29, 4)


def test_a_missing_rate_names_the_amount_s_currency_before_the_base_s() -> None:
    assert missing_rates("HTG", "EUR", None, None) == ["HTG", "EUR"]
    with pytest.raises(MissingRateError) as raised:
        convert(Decimal("1"), "HTG", "EUR", None, None, DAY)
    assert (raised.value.currency, raised.value.day) == ("HTG", DAY)
    assert missing_rates("USD", "EUR", None, None) == ["EUR"]
