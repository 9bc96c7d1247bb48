"""The records a brief counts on a date, as a list's filter, and the strength they add up to: where a figure leads.

The records are those of the brief's own selectors (current, confirmed where reviewed, dated on or
before the date; of pledges the latest per contributor and category), so a figure's list adds up to
the figure itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from msaada.finance.models import Expenditure, Flow
from msaada.forces import selectors as force_selectors
from msaada.forces.models import Deployment, Pledge
from msaada.missions.models import Mission
from msaada.readiness import selectors

COUNTED_BY: dict[type[models.Model], Callable[[Mission, date], models.QuerySet]] = {
    Deployment: selectors.deployments,
    Pledge: selectors.latest_pledges,
    Flow: selectors.flows,
    Expenditure: selectors.expenditures,
}


def counted_on(records: models.QuerySet, mission: Mission, day: date) -> models.QuerySet:
    """Return the listed records the brief of the mission on the day counts."""
    return records.filter(pk__in=COUNTED_BY[records.model](mission, day).values("pk"))


@dataclass(frozen=True)
class StrengthTotal:
    """What the listed deployments or pledges add up to, as the brief counts them."""

    label: str
    people: int

    @property
    def text(self) -> str:
        return number_format(self.people, use_l10n=True, force_grouping=True)


def strength_total(records: models.QuerySet) -> StrengthTotal | None:
    """Return the strength the listed deployments (arrivals minus departures) or pledges (withdrawn as 0) add up to."""
    if records.model is Deployment:
        label, counted = _("Strength they add up to (arrivals minus departures)"), force_selectors.signed_count()
    elif records.model is Pledge:
        label, counted = _("Personnel they pledge (a withdrawn pledge counts zero)"), force_selectors.counted()
    else:
        return None
    people = records.order_by().aggregate(people=Sum(counted))["people"] or 0
    return StrengthTotal(label, people)
