"""Incidents and fatalities week by week over the 12 weeks ending on a date: one aggregate query, 12 rows at most."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, IntegerField, Sum, Value, When

from msaada.missions.models import Incident, Mission
from msaada.readiness.days import shift

WEEKS = 12


@dataclass(frozen=True)
class IncidentWeek:
    """The incidents of one week (seven days ending on `end`) and their fatalities."""

    start: date
    end: date
    count: int
    fatalities: int


def week_ends(as_of: date, weeks: int = WEEKS) -> tuple[date, ...]:
    """Return the last days of the weeks, oldest first; the last week ends on the date."""
    return tuple(shift(as_of, -7 * back) for back in range(weeks - 1, -1, -1))


def incident_weeks(mission: Mission, as_of: date, weeks: int = WEEKS) -> tuple[IncidentWeek, ...]:
    """Return every week of the 12 ending on the date, oldest first, with its incidents and fatalities (0 when none)."""
    ends = week_ends(as_of, weeks)
    first = shift(ends[0], -6)
    week = Case(
        *(
            When(event_date__gte=shift(end, -6), event_date__lte=end, then=Value(index))
            for index, end in enumerate(ends)
        ),
        output_field=IntegerField(),
    )
    rows = (
        Incident.objects.current()
        .filter(mission=mission, event_date__gte=first, event_date__lte=as_of)
        .annotate(week=week)
        .values("week")
        .annotate(count=Count("pk"), fatalities=Sum("fatalities"))
        .order_by()
    )
    found = {row["week"]: (row["count"], row["fatalities"]) for row in rows}
    return tuple(IncidentWeek(shift(end, -6), end, *found.get(index, (0, 0))) for index, end in enumerate(ends))
