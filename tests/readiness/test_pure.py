"""The engine's pure layer without a database: records built by hand, figures and risks computed by hand.

No test here has the django_db mark: figures.py, risks.py and money.py read only the frozen rows of rows.py.
"""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from msaada.readiness.figures import Brief, brief_figures, deployed_pct
from msaada.readiness.money import MissingRateError, cents, check_rates, to_base
from msaada.readiness.risks import assess
from msaada.readiness.rows import (
    COMMITMENT,
    PAID,
    PLEDGE,
    SPENT_BEFORE_WINDOW,
    SPENT_IN_WINDOW,
    ContributorCount,
    LineRow,
    MandateRow,
    MissionRecords,
    MoneyGroup,
    SiteRow,
)

D = date(2025, 9, 23)
NOTHING = MissionRecords(
    code="mss",
    name="Multinational Security Support",
    currency="USD",
    as_of=D,
    mandate=None,
    deployed=(),
    pledged=(),
    flows=(),
    expenditures=(),
    unpaid=(),
    lines=(),
    sites=(),
    sources=(),
)


def mandate_ending(days_after_d: int, strength: int = 1000) -> MandateRow:
    """Return a mandate in force on D that ends `days_after_d` days after it (before it when negative)."""
    end = D + timedelta(days=days_after_d)
    return MandateRow(
        pk=1, authority="Res. 2751", start=date(2024, 10, 2), end=end, authorized_strength=strength, covers=end >= D
    )


def usd(label: str, amount: str, on: date = D) -> MoneyGroup:
    return MoneyGroup(label, "USD", Decimal(amount), None, None, on)


def brief_of(**records: Any) -> Brief:
    return brief_figures(replace(NOTHING, **records))


def severities(brief: Brief, code: str) -> list[tuple[str, str | None]]:
    """Return (severity, subject) of the brief's risks of one code."""
    return [(risk.severity, risk.subject) for risk in assess(brief) if risk.code == code]


@pytest.mark.parametrize(
    ("deployed", "authorized", "expected"),
    [
        (379, 2500, Decimal("15.2")),  # 37900 / 2500 = 15.16 -> 15.2
        (1, 400, Decimal("0.2")),  # 100 / 400 = 0.25: the tie goes to the even tenth, 0.2
        (3, 400, Decimal("0.8")),  # 300 / 400 = 0.75: the tie goes to the even tenth, 0.8
        (1, 3, Decimal("33.3")),  # 100 / 3 = 33.333...
        (2500, 2500, Decimal("100.0")),
        (10, 0, None),  # no authorized strength: no percentage
        (10, None, None),
    ],
)
def test_deployed_pct_rounds_half_even_to_one_decimal(deployed, authorized, expected) -> None:
    assert deployed_pct(deployed, authorized) == expected


def test_strength_merges_deployed_and_pledged_per_contributor_in_code_order() -> None:
    brief = brief_of(
        mandate=mandate_ending(9, strength=2500),
        deployed=(ContributorCount("KEN", 371), ContributorCount("BHS", 8)),
        pledged=(ContributorCount("KEN", 1000), ContributorCount("BHS", 150), ContributorCount("BLZ", 0)),
    )
    strength = brief.strength
    # deployed 371 + 8 = 379; pledged 1000 + 150 + 0 = 1150; 37900 / 2500 = 15.16 -> 15.2
    assert (strength.deployed, strength.pledged, strength.authorized, strength.deployed_pct) == (
        379,
        1150,
        2500,
        Decimal("15.2"),
    )
    assert [(row.contributor, row.deployed, row.pledged) for row in strength.by_contributor] == [
        ("BHS", 8, 150),
        ("BLZ", 0, 0),
        ("KEN", 371, 1000),
    ]


def test_runway_is_the_floor_of_cash_over_the_daily_burn() -> None:
    brief = brief_of(
        mandate=mandate_ending(200),
        flows=(usd(PAID, "1705"),),
        expenditures=(usd(SPENT_IN_WINDOW, "900"),),
    )
    funding = brief.funding
    # burn 900 / 90 = 10 a day; cash 1705 - 900 = 805; 805 / 10 = 80.5, floored to 80
    assert (funding.daily_burn, funding.cash, funding.runway_days) == (Fraction(10), Fraction(805), 80)
    assert funding.runway_end == date(2025, 12, 12)  # Sep 23 + 80: 7 (Sep) + 31 (Oct) + 30 (Nov) + 12 (Dec)


def test_runway_of_whole_days_is_exact_after_a_conversion() -> None:
    # CAD 1350 at 1.35 per USD is USD 1000 exactly; a decimal division would give 999.99...
    paid = MoneyGroup(PAID, "CAD", Decimal("1350"), Decimal("1.35"), None, date(2025, 1, 1))
    brief = brief_of(mandate=mandate_ending(200), flows=(paid,), expenditures=(usd(SPENT_IN_WINDOW, "90"),))
    # cash 1000 - 90 = 910; burn 90 / 90 = 1 a day; runway 910 days, not 909
    assert (brief.funding.cash, brief.funding.runway_days) == (Fraction(910), 910)


def test_runway_is_unknown_when_nothing_was_spent_in_the_window() -> None:
    brief = brief_of(
        mandate=mandate_ending(9),
        flows=(usd(PAID, "1000"),),
        expenditures=(usd(SPENT_BEFORE_WINDOW, "300", date(2025, 5, 1)),),
    )
    funding = brief.funding
    # spent 300, all before the window: burn 0, so cash 700 lasts an unknown time and no runway risk is raised
    assert (funding.spent, funding.cash, funding.daily_burn) == (Fraction(300), Fraction(700), Fraction(0))
    assert (funding.runway_days, funding.runway_end) == (None, None)
    assert funding.gap_to_mandate_end == 0  # max(0, 0 * 9 - 700 - 0)
    assert severities(brief, "FUNDING_RUNWAY") == []


def test_gap_to_mandate_end_counts_the_unpaid_commitments() -> None:
    brief = brief_of(
        mandate=mandate_ending(9),
        flows=(usd(PAID, "2000"), usd(COMMITMENT, "1000")),
        expenditures=(usd(SPENT_BEFORE_WINDOW, "300"), usd(SPENT_IN_WINDOW, "1600")),
        unpaid=(usd("unpaid", "20"),),
    )
    # cash 2000 - 1900 = 100; burn 1600 / 90 = 160/9; need 160/9 * 9 = 160; gap 160 - 100 - 20 = 40
    assert brief.funding.gap_to_mandate_end == Fraction(40)


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [
        (91, []),
        (90, [("medium", None)]),
        (31, [("medium", None)]),
        (30, [("high", None)]),
        (0, [("high", None)]),  # ends today
        (-1, [("high", None)]),  # ended yesterday
    ],
)
def test_mandate_expiry_is_medium_within_90_days_and_high_within_30(days_left, expected) -> None:
    assert severities(brief_of(mandate=mandate_ending(days_left)), "MANDATE_EXPIRY") == expected


@pytest.mark.parametrize(
    ("deployed", "expected"),
    [
        (800, []),  # 80.0 %: not under 80
        (799, [("medium", None)]),  # 79.9 %
        (500, [("medium", None)]),  # 50.0 %: not under 50
        (499, [("high", None)]),  # 49.9 %
        (0, [("high", None)]),
    ],
)
def test_strength_gap_is_medium_under_80_pct_and_high_under_50(deployed, expected) -> None:
    brief = brief_of(mandate=mandate_ending(200, strength=1000), deployed=(ContributorCount("KEN", deployed),))
    assert severities(brief, "STRENGTH_GAP") == expected


def test_strength_gap_compares_the_published_tenth() -> None:
    # 7999.5 / 10000 is 79.995 %, published as 80.0 %: no gap, though the exact share is below 80
    brief = brief_of(mandate=mandate_ending(200, strength=20000), deployed=(ContributorCount("KEN", 15999),))
    assert brief.strength.deployed_pct == Decimal("80.0")
    assert severities(brief, "STRENGTH_GAP") == []


@pytest.mark.parametrize(
    ("deployed", "expected"),
    [
        (100, []),  # as many as pledged
        (99, [("low", "KEN")]),
        (50, [("low", "KEN")]),  # 50 * 2 = 100: not under half
        (49, [("medium", "KEN")]),  # 49 * 2 = 98 < 100
    ],
)
def test_pledge_shortfall_is_medium_under_half_else_low(deployed, expected) -> None:
    brief = brief_of(deployed=(ContributorCount("KEN", deployed),), pledged=(ContributorCount("KEN", 100),))
    assert severities(brief, "PLEDGE_SHORTFALL") == expected


@pytest.mark.parametrize(
    ("cash", "expected"),
    [
        ("300", [("high", None)]),  # 300 / 10 = 30 days
        ("309.99", [("high", None)]),  # 30.999 days, floored to 30
        ("310", [("medium", None)]),  # 31 days
        ("400", [("medium", None)]),  # 40 days: ends Nov 2, before the mandate's end on Nov 12
        ("500", []),  # 50 days: Nov 12, the mandate's last day, is not before it
    ],
)
def test_funding_runway_is_high_within_30_days_and_none_to_the_mandate_end(cash, expected) -> None:
    # burn 900 / 90 = 10 a day; the mandate ends 50 days after D, on 2025-11-12
    spent = Decimal("900")
    brief = brief_of(
        mandate=mandate_ending(50),
        flows=(usd(PAID, str(Decimal(cash) + spent)),),
        expenditures=(usd(SPENT_IN_WINDOW, str(spent)),),
    )
    assert severities(brief, "FUNDING_RUNWAY") == expected


@pytest.mark.parametrize(
    ("paid", "expected"),
    [
        ("750", []),  # unpaid 250 is a quarter of 1000: not more
        ("749.99", [("medium", None)]),  # unpaid 250.01
        ("0", [("medium", None)]),
    ],
)
def test_unpaid_pledges_are_medium_above_a_quarter(paid, expected) -> None:
    brief = brief_of(flows=(usd(PLEDGE, "1000"), usd(PAID, paid)))
    assert severities(brief, "UNPAID_PLEDGES") == expected


def test_unpaid_quarter_is_exact_after_a_conversion() -> None:
    # CAD 1350 pledged at 1.35 is USD 1000; USD 750 paid leaves exactly a quarter unpaid: no risk
    pledged = MoneyGroup(PLEDGE, "CAD", Decimal("1350"), Decimal("1.35"), None, date(2025, 1, 1))
    assert severities(brief_of(flows=(pledged, usd(PAID, "750"))), "UNPAID_PLEDGES") == []


@pytest.mark.parametrize(
    ("covered_until", "expected"),
    [
        (None, [("high", "Rations")]),  # no contract covers D
        (D + timedelta(days=30), [("high", "Rations")]),
        (D + timedelta(days=31), [("medium", "Rations")]),
        (D + timedelta(days=99), [("medium", "Rations")]),  # the day before the mandate's end
        (D + timedelta(days=100), []),  # to the mandate's end
    ],
)
def test_service_gap_is_high_within_30_days_of_coverage_else_medium(covered_until, expected) -> None:
    brief = brief_of(mandate=mandate_ending(100), lines=(LineRow("Rations", covered_until),))
    assert severities(brief, "SERVICE_GAP") == expected


def test_coverage_gap_days_before_the_mandate_end() -> None:
    brief = brief_of(
        mandate=mandate_ending(9),
        lines=(LineRow("Accommodation", date(2025, 9, 30)), LineRow("Fuel", None), LineRow("Water", date(2026, 1, 1))),
    )
    # mandate end Oct 2: Oct 2 - Sep 30 = 2; uncovered: Oct 2 - D = 9; beyond the end: max(0, negative) = 0
    assert [(line.service_line, line.gap_days_before_mandate_end) for line in brief.life_support] == [
        ("Accommodation", 2),
        ("Fuel", 9),
        ("Water", 0),
    ]


def test_a_site_hostile_after_it_was_held_is_lost_and_one_never_held_is_not() -> None:
    airport = SiteRow("Airport", "airport", "hostile", date(2024, 11, 11), "reopened", date(2024, 5, 20))
    palace = SiteRow("Palace", "palace", "hostile", date(2024, 11, 11), None, None)
    assert severities(brief_of(sites=(airport, palace)), "SITE_LOST") == [("high", "Airport")]


def test_risks_are_ordered_by_severity_then_code_then_subject() -> None:
    brief = brief_of(
        mandate=mandate_ending(60, strength=100),
        deployed=(ContributorCount("KEN", 70), ContributorCount("JAM", 1)),
        pledged=(ContributorCount("KEN", 80), ContributorCount("JAM", 10)),
        lines=(LineRow("Water", None), LineRow("Fuel", None)),
    )
    # deployed 71 of 100: STRENGTH_GAP medium; mandate 60 days: MANDATE_EXPIRY medium;
    # JAM 1 of 10: medium shortfall; KEN 70 of 80: low; both lines uncovered: high
    assert [(risk.severity, risk.code, risk.subject) for risk in assess(brief)] == [
        ("high", "SERVICE_GAP", "Fuel"),
        ("high", "SERVICE_GAP", "Water"),
        ("medium", "MANDATE_EXPIRY", None),
        ("medium", "PLEDGE_SHORTFALL", "JAM"),
        ("medium", "STRENGTH_GAP", None),
        ("low", "PLEDGE_SHORTFALL", "KEN"),
    ]


def test_to_base_divides_by_the_currencys_rate_and_multiplies_by_the_bases() -> None:
    cad = MoneyGroup(PAID, "CAD", Decimal("1355"), Decimal("1.355"), Decimal("0.9"), D)
    # 1355 / 1.355 = USD 1000; in EUR at 0.9 per USD: 900
    assert to_base(cad, "USD") == Fraction(1000)
    assert to_base(cad, "EUR") == Fraction(900)
    # USD needs no rate of its own: 100 * 0.9 = EUR 90
    assert to_base(MoneyGroup(PAID, "USD", Decimal(100), None, Decimal("0.9"), D), "EUR") == Fraction(90)
    # the base currency converts to itself whatever its rates
    assert to_base(MoneyGroup(PAID, "EUR", Decimal(5), None, None, D), "EUR") == Fraction(5)


def test_check_rates_names_the_earliest_date_lacking_a_rate() -> None:
    groups = [
        MoneyGroup(PAID, "CAD", Decimal(1), None, None, date(2025, 3, 1)),
        MoneyGroup(PAID, "EUR", Decimal(1), None, None, date(2025, 2, 1)),
        MoneyGroup(PAID, "GBP", Decimal(1), Decimal("0.8"), None, date(2025, 1, 1)),
    ]
    with pytest.raises(MissingRateError) as missing:
        check_rates(groups, "USD")
    assert (missing.value.currency, missing.value.day) == ("EUR", date(2025, 2, 1))


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Fraction(1, 200), "0.00"),  # 0.005: the tie goes to the even cent, 0
        (Fraction(3, 200), "0.02"),  # 0.015: to 2
        (Fraction(10, 3), "3.33"),
        (Fraction(-1, 1000), "0.00"),  # no negative zero
        (Decimal("1250000.505"), "1250000.50"),
    ],
)
def test_cents_round_half_even(amount, expected) -> None:
    assert str(cents(amount)) == expected
