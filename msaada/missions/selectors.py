"""The mandate in force on a day, as the brief and the dashboard's strength chart both read it."""

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from django.db.models import QuerySet

from msaada.missions.models import Mandate, Mission

MANDATE_FIELDS = ("pk", "authority", "start", "end", "authorized_strength")

Row = TypeVar("Row", bound=dict)


def mandates_started(mission: Mission, on: date) -> QuerySet:
    """Return the mission's mandates that started on or before the day, as rows of MANDATE_FIELDS.

    They are few (one per mandate period), so the choice among them is made in Python, the
    same for one day (the brief) as for each month of a chart.
    """
    return Mandate.objects.counted().filter(mission=mission, start__lte=on).values(*MANDATE_FIELDS)


def in_force(mandates: Iterable[Row], day: date) -> Row | None:
    """Return the mandate in force on the day: the one running on it that started last, else the latest started.

    Ties go to the later end, then to the higher pk.
    """
    started = [row for row in mandates if row["start"] <= day]
    running = [row for row in started if row["end"] >= day]
    return max(running or started, key=lambda row: (row["start"], row["end"], row["pk"]), default=None)
