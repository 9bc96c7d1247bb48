"""A contributor's strength never falls below zero: the rule finds the first day it does."""

import datetime as dt

import pytest

from msaada.forces.models import Contributor, Deployment
from msaada.forces.rules import Shortfall, negative_strength
from msaada.missions.models import Mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission() -> Mission:
    return Mission.objects.create(code="MSS", name="MSS", host_country="HTI", lead_country="KEN")


def move(mission: Mission, code: str, change: str, count: int, day: int) -> Deployment:
    contributor, _ = Contributor.objects.get_or_create(code=code)
    return Deployment.objects.create(
        mission=mission,
        contributor=contributor,
        unit="unit",
        category="police",
        change=change,
        count=count,
        date=dt.date(2024, 1, day),
    )


def test_a_departure_on_the_day_of_its_arrival_counts_against_the_whole_day(mission) -> None:
    move(mission, "KEN", "departure", 10, 1)
    move(mission, "KEN", "arrival", 10, 1)
    assert negative_strength(mission) == []


def test_only_the_first_day_below_zero_is_reported_per_contributor(mission) -> None:
    move(mission, "KEN", "arrival", 10, 1)
    move(mission, "KEN", "departure", 15, 2)  # 10 - 15 = -5
    move(mission, "KEN", "departure", 5, 3)  # -10
    move(mission, "JAM", "departure", 2, 4)  # -2
    move(mission, "BLZ", "arrival", 3, 4)
    assert negative_strength(mission) == [
        Shortfall("JAM", dt.date(2024, 1, 4), -2),
        Shortfall("KEN", dt.date(2024, 1, 2), -5),
    ]


def test_archived_movements_and_other_missions_are_left_out(mission) -> None:
    other = Mission.objects.create(code="OTH", name="Other", host_country="HTI", lead_country="KEN")
    move(mission, "KEN", "arrival", 10, 1)
    move(mission, "KEN", "departure", 10, 2)
    move(mission, "KEN", "departure", 1, 3).archive()
    move(other, "KEN", "departure", 4, 2)
    assert negative_strength(mission) == []
    assert negative_strength(other) == [Shortfall("KEN", dt.date(2024, 1, 2), -4)]
