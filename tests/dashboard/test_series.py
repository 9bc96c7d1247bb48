"""The chart series on small scenarios computed by hand: running sums, replaced pledges, money at its own date."""

from datetime import date
from decimal import Decimal

import pytest

from msaada.dashboard.series import (
    CoverageRun,
    FundingPoint,
    LineCoverage,
    StrengthPoint,
    coverage_runs,
    funding_series,
    month_days,
    site_positions,
    strength_series,
)
from msaada.finance.money import MissingRateError
from msaada.readiness.brief import build_brief
from tests import factories as s

pytestmark = pytest.mark.django_db


def force(alpha):
    """KEN lands 300 and sends 100 home, JAM lands 50; pledges are replaced and one is withdrawn."""
    s.mandate(alpha, "2025-01-01", "2025-06-30", 1000)
    s.mandate(alpha, "2025-07-01", "2025-12-31", 1500)
    s.deploy(alpha, "KEN", 300, "2025-01-10")
    s.deploy(alpha, "JAM", 50, "2025-02-20")
    s.deploy(alpha, "KEN", 100, "2025-03-05", change="departure")
    s.deploy(alpha, "KEN", 999, "2025-05-01")  # after the as-of date: never read
    s.pledge(alpha, "KEN", 500, "2025-01-05")
    s.pledge(alpha, "JAM", 60, "2025-02-01")
    s.pledge(alpha, "KEN", 400, "2025-03-01")  # replaces KEN's 500
    s.pledge(alpha, "JAM", 60, "2025-04-10", status="withdrawn")


def test_strength_is_stacked_per_contributor_at_each_month_end():
    alpha = s.mission("alpha")
    force(alpha)
    series = strength_series(alpha, date(2025, 4, 15))
    assert series.contributors == ("KEN", "JAM")  # the largest contingent first, at the bottom of the stack
    assert series.points == (
        StrengthPoint(date(2025, 1, 31), (300, 0), 1000, 500),
        StrengthPoint(date(2025, 2, 28), (300, 50), 1000, 560),
        StrengthPoint(date(2025, 3, 31), (200, 50), 1000, 460),
        StrengthPoint(date(2025, 4, 15), (200, 50), 1000, 400),
    )
    brief = build_brief(alpha, date(2025, 4, 15))
    assert (series.points[-1].total, series.points[-1].pledged) == (brief.strength.deployed, brief.strength.pledged)


def test_authorized_strength_follows_the_mandate_of_each_month():
    alpha = s.mission("alpha")
    force(alpha)
    points = strength_series(alpha, date(2025, 8, 10)).points
    assert [(point.day, point.authorized) for point in points[-3:]] == [
        (date(2025, 6, 30), 1000),
        (date(2025, 7, 31), 1500),
        (date(2025, 8, 10), 1500),
    ]
    assert points[-1].deployed == (1199, 50)  # the 999 of 1 May now counts


def test_authorized_is_empty_before_any_mandate_and_stays_after_the_last_one_ends():
    alpha = s.mission("alpha")
    s.pledge(alpha, "KEN", 100, "2024-11-20")
    s.mandate(alpha, "2025-01-01", "2025-01-31", 800)
    points = strength_series(alpha, date(2025, 3, 2)).points
    assert [(point.day, point.authorized) for point in points] == [
        (date(2024, 11, 30), None),
        (date(2024, 12, 31), None),
        (date(2025, 1, 31), 800),
        (date(2025, 2, 28), 800),
        (date(2025, 3, 2), 800),
    ]


def test_the_later_pledge_of_the_same_day_wins_as_in_the_brief():
    alpha = s.mission("alpha")
    s.pledge(alpha, "KEN", 500, "2025-01-05")
    s.pledge(alpha, "KEN", 700, "2025-01-05")
    s.pledge(alpha, "KEN", 80, "2025-01-05", category="civilian")
    points = strength_series(alpha, date(2025, 1, 31)).points
    assert [point.pledged for point in points] == [780]
    assert build_brief(alpha, date(2025, 1, 31)).strength.pledged == 780


def test_no_record_gives_an_empty_series():
    alpha = s.mission("alpha")
    assert strength_series(alpha, date(2025, 1, 1)).points == ()
    assert funding_series(alpha, date(2025, 1, 1)).points == ()
    assert coverage_runs(alpha) == ()


def test_funding_converts_each_flow_at_the_rate_of_its_own_date():
    alpha = s.mission("alpha")
    s.rate("EUR", "2025-01-01", "0.8")
    s.rate("EUR", "2025-02-01", "0.9")
    s.flow(alpha, "commitment", "1000", "2025-01-15")
    s.flow(alpha, "paid", "400", "2025-01-20", currency="EUR")  # 400 / 0.8 = 500 USD
    s.spend(alpha, "80", "2025-01-25", currency="EUR")  # 80 / 0.8 = 100 USD
    s.spend(alpha, "300", "2025-02-05")
    s.flow(alpha, "pledge", "900", "2025-02-10", currency="EUR")  # 900 / 0.9 = 1,000 USD
    s.flow(alpha, "pledge", "10000", "2025-03-01")  # after the as-of date: never read
    series = funding_series(alpha, date(2025, 2, 20))
    assert series.currency == "USD"
    assert series.points == (
        FundingPoint(date(2025, 1, 31), Decimal(0), Decimal(1000), Decimal(500), Decimal(100)),
        FundingPoint(date(2025, 2, 20), Decimal(1000), Decimal(1000), Decimal(500), Decimal(400)),
    )
    funding = build_brief(alpha, date(2025, 2, 20)).funding
    last = series.points[-1]
    assert (last.pledged, last.committed, last.paid, last.spent) == (
        funding.pledged,
        funding.committed,
        funding.paid,
        funding.spent,
    )


def test_funding_in_a_base_other_than_usd_goes_through_both_rates_of_the_day():
    alpha = s.mission(currency="EUR")
    s.rate("EUR", "2025-01-01", "0.8")
    s.rate("GBP", "2025-01-01", "0.5")
    s.flow(alpha, "paid", "100", "2025-01-20")  # 100 USD * 0.8 = 80 EUR
    s.flow(alpha, "paid", "10", "2025-01-21", currency="GBP")  # 10 / 0.5 * 0.8 = 16 EUR
    s.flow(alpha, "paid", "7", "2025-01-22", currency="EUR")  # already in the base
    (point,) = funding_series(alpha, date(2025, 1, 31)).points
    assert point.paid == Decimal(103)


def test_funding_without_a_rate_is_an_error_not_a_zero():
    alpha = s.mission("alpha")
    s.flow(alpha, "paid", "100", "2025-01-20", currency="GBP")
    with pytest.raises(MissingRateError, match="GBP"):
        funding_series(alpha, date(2025, 1, 31))


def test_coverage_runs_chain_contracts_that_touch_or_overlap():
    alpha = s.mission("alpha")
    s.contract(alpha, "Fuel", "2025-01-01", "2025-03-31")
    s.contract(alpha, "Fuel", "2025-04-01", "2025-06-30")  # touches the first: one run
    s.contract(alpha, "Fuel", "2025-08-01", "2025-09-30")  # after a gap in July: a second run
    s.contract(alpha, "Fuel", "2025-08-15", "2025-08-20")  # inside the second
    s.contract(alpha, "Rations", "2025-02-01", "2025-02-28")
    s.contract(alpha, "Rations", "2025-02-10", "2025-05-31")  # overlaps
    s.contract(alpha, "Water", "2025-01-01", "2025-12-31").archive()
    assert coverage_runs(alpha) == (
        LineCoverage(
            "Fuel", (CoverageRun(date(2025, 1, 1), date(2025, 6, 30)), CoverageRun(date(2025, 8, 1), date(2025, 9, 30)))
        ),
        LineCoverage("Rations", (CoverageRun(date(2025, 2, 1), date(2025, 5, 31)),)),
    )


def test_month_days_end_on_the_as_of_date_and_keep_ten_years():
    assert month_days(date(2025, 1, 1), date(2025, 3, 9)) == (date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 9))
    days = month_days(date(2001, 1, 1), date(2025, 4, 15))
    assert (len(days), days[0], days[-1]) == (120, date(2015, 5, 31), date(2025, 4, 15))


def test_records_before_the_ten_years_shown_still_count():
    alpha = s.mission("alpha")
    s.deploy(alpha, "KEN", 40, "2001-06-01")
    s.deploy(alpha, "KEN", 2, "2025-04-01")
    points = strength_series(alpha, date(2025, 4, 15)).points
    assert (len(points), points[0].deployed, points[-1].deployed) == (120, (40,), (42,))


def test_site_positions_by_name():
    alpha = s.mission("alpha")
    s.site(alpha, "Airport", latitude="18.58", longitude="-72.2925")
    assert site_positions(alpha) == {"Airport": (Decimal("18.58"), Decimal("-72.2925"))}
