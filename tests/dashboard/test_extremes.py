"""Records at the edges of the calendar and of amounts: the dashboard, its charts and the brief still answer."""

from datetime import date

import pycountry
import pytest
from django.urls import reverse

from msaada.dashboard import series
from msaada.readiness.brief import build_brief
from tests import factories as s

pytestmark = pytest.mark.django_db

AS_OF = "?as_of=2025-09-23"


@pytest.fixture
def alpha():
    alpha = s.mission()
    s.deploy(alpha, "KEN", 300, "2025-01-10")
    s.flow(alpha, "paid", "9000", "2025-01-15")
    s.spend(alpha, "900", "2025-02-01")
    return alpha


def answers(client, mission) -> None:
    client.force_login(s.person("observer", mission))
    response = client.get(reverse("dashboard", args=[mission.code]) + AS_OF)
    assert response.status_code == 200
    for name in ("strength", "funding", "coverage"):
        assert client.get(reverse("dashboard-chart", args=[mission.code, name]) + AS_OF).status_code in (200, 404)


def test_an_open_ended_contract_ending_on_the_last_day_of_the_calendar_is_covered(client, alpha):
    s.mandate(alpha, "2025-01-01", "2025-12-31", 1000)
    s.contract(alpha, "Fuel", "2025-01-01", "9999-12-31")
    answers(client, alpha)
    (line,) = build_brief(alpha, date(2025, 9, 23)).life_support
    assert line.covered_until == date(9999, 12, 31)


def test_an_open_ended_mandate_ending_on_the_last_day_of_the_calendar_is_shown(client, alpha):
    s.mandate(alpha, "2025-01-01", "9999-12-31", 1000)
    s.contract(alpha, "Fuel", "2025-01-01", "2025-06-30")
    answers(client, alpha)


def test_the_brief_as_of_the_last_day_of_the_calendar_answers(alpha):
    s.mandate(alpha, "2025-01-01", "9999-12-31", 1000)
    s.contract(alpha, "Fuel", "2025-01-01", "9999-12-31")
    brief = build_brief(alpha, date(9999, 12, 31))
    assert brief.life_support[0].covered_until == date(9999, 12, 31)


def test_a_contract_from_the_first_day_of_the_calendar_stored_before_the_bound_still_answers(client, alpha):
    s.mandate(alpha, "2025-01-01", "2025-12-31", 1000)
    s.contract(alpha, "Fuel", "0001-01-01", "2025-06-30")
    answers(client, alpha)
    (line,) = build_brief(alpha, date(2025, 3, 1)).life_support
    assert line.covered_until == date(2025, 6, 30)


def test_the_brief_as_of_the_first_day_of_the_calendar_answers(alpha):
    brief = build_brief(alpha, date(1, 1, 1))
    assert brief.as_of == date(1, 1, 1)


def test_sixty_contributors_are_drawn_as_the_seven_largest_and_others(client, alpha):
    # Alpha's KEN 300, then 59 more contributors of 1 .. 59 people: the largest after KEN are the 59, 58 ...
    codes = [country.alpha_3 for country in pycountry.countries if country.alpha_3 not in ("KEN",)][:59]
    s.mandate(alpha, "2025-01-01", "2025-12-31", 5000)
    for size, code in enumerate(codes, start=1):
        s.deploy(alpha, code, size, "2025-02-01")
    answers(client, alpha)
    figures = series.grouped(series.strength_series(alpha, date(2025, 9, 23)))
    assert figures.contributors == ("KEN", codes[58], codes[57], codes[56], codes[55], codes[54], codes[53], "Others")
    # Others: 1 + 2 + ... + 53 = 53 * 54 / 2 = 1,431 people.
    assert figures.points[-1].deployed == (300, 59, 58, 57, 56, 55, 54, 1431)
    page = client.get(reverse("dashboard", args=[alpha.code]) + AS_OF).content.decode()
    assert ">Others</th>" in page
