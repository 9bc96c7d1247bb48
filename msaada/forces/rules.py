"""Rules of the force that span rows: a contributor's strength never falls below zero."""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import F, Q, Sum, Window
from django.utils.translation import gettext as _

from msaada.core.review import ReviewState
from msaada.core.rules import AfterRule, Finding, register
from msaada.forces.models import Deployment
from msaada.forces.selectors import signed_count
from msaada.missions.models import Mission


@dataclass(frozen=True)
class Shortfall:
    """The first date on which departures exceed arrivals for a contributor."""

    contributor: str
    date: date
    strength: int


def negative_strength(mission: Mission, reporter: int | None = None) -> list[Shortfall]:
    """Return, per contributor, the first date its running strength in the mission falls below zero.

    The strength is that of the confirmed deployments, the ones the brief counts; with a `reporter`, also of
    the deployments that user reported and that still wait, so a reported departure is checked against the
    confirmed arrivals and the reporter's own waiting ones, never against what others reported.
    """
    # The running sum through each deployment's date (the window's default frame takes in the
    # whole day), kept where it is negative: one query, on SQLite and PostgreSQL alike.
    running = Window(Sum(signed_count()), partition_by=F("contributor"), order_by="date")
    counted = Q(review_state=ReviewState.CONFIRMED)
    if reporter is not None:
        counted |= Q(review_state=ReviewState.REPORTED, reported_by=reporter)
    rows = (
        Deployment.objects.current()
        .filter(counted, mission=mission)
        .annotate(strength=running)
        .filter(strength__lt=0)
        .values_list("contributor__code", "date", "strength")
        .distinct()
        .order_by("contributor__code", "date")
    )
    first: dict[str, Shortfall] = {}
    for code, day, strength in rows:
        first.setdefault(code, Shortfall(code, day, strength))
    return list(first.values())


class StrengthNeverNegative(AfterRule):
    """A contributor's strength in the mission never falls below zero, on any date: checked after the write."""

    def subjects(self, record: models.Model) -> set[Hashable]:
        codes = {record.contributor.code}
        if record.pk:  # a change of contributor may leave the former one short
            codes |= set(Deployment.objects.filter(pk=record.pk).values_list("contributor__code", flat=True))
        return codes

    def check(
        self, *, mission: models.Model | None, subjects: set[Hashable] | None, reporter: int | None = None
    ) -> list[Finding]:
        return [
            Finding(
                "count",
                _("makes %(contributor)s's strength %(strength)d on %(date)s")
                % {"contributor": shortfall.contributor, "strength": shortfall.strength, "date": shortfall.date},
                subject=(shortfall.contributor, shortfall.date),
            )
            for shortfall in negative_strength(mission, reporter)
            if subjects is None or shortfall.contributor in subjects
        ]


def register_rules() -> None:
    """Register the rules of the force with the records they check."""
    register(Deployment, StrengthNeverNegative())
