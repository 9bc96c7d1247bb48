"""Rules of the force that span rows: a contributor's strength never falls below zero."""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from django.db import connection, models
from django.utils.translation import gettext as _

from msaada.core.rules import AfterRule, Finding, register
from msaada.forces.models import Contributor, Deployment
from msaada.missions.models import Mission


@dataclass(frozen=True)
class Shortfall:
    """The first date on which departures exceed arrivals for a contributor."""

    contributor: str
    date: date
    strength: int


def negative_strength(mission: Mission) -> list[Shortfall]:
    """Return, per contributor, the first date its running strength in the mission falls below zero."""
    deployments = Deployment._meta.db_table
    contributors = Contributor._meta.db_table
    # A running sum over daily net changes: a window query both SQLite and PostgreSQL run.
    sql = f"""
        SELECT code, day, strength FROM (
            SELECT c.code AS code, d.date AS day,
                   SUM(SUM(CASE WHEN d.change = 'arrival' THEN d.count ELSE -d.count END))
                       OVER (PARTITION BY d.contributor_id ORDER BY d.date) AS strength
            FROM {deployments} d JOIN {contributors} c ON c.id = d.contributor_id
            WHERE d.mission_id = %s AND d.archived_at IS NULL
            GROUP BY d.contributor_id, c.code, d.date
        ) running
        WHERE strength < 0
        ORDER BY code, day
    """  # noqa: S608 - table names come from the models, the mission id is a parameter
    with connection.cursor() as cursor:
        cursor.execute(sql, [mission.pk])
        rows = cursor.fetchall()
    first: dict[str, Shortfall] = {}
    for code, day, strength in rows:
        if code not in first:
            first[code] = Shortfall(code, day if isinstance(day, date) else date.fromisoformat(day), int(strength))
    return list(first.values())


class StrengthNeverNegative(AfterRule):
    """A contributor's strength in the mission never falls below zero, on any date: checked after the write."""

    def subjects(self, record: models.Model) -> set[Hashable]:
        codes = {record.contributor.code}
        if record.pk:  # a change of contributor may leave the former one short
            codes |= set(Deployment.objects.filter(pk=record.pk).values_list("contributor__code", flat=True))
        return codes

    def check(self, *, mission: models.Model | None, subjects: set[Hashable] | None) -> list[Finding]:
        return [
            Finding(
                "count",
                _("makes %(contributor)s's strength %(strength)d on %(date)s")
                % {"contributor": shortfall.contributor, "strength": shortfall.strength, "date": shortfall.date},
                subject=(shortfall.contributor, shortfall.date),
            )
            for shortfall in negative_strength(mission)
            if subjects is None or shortfall.contributor in subjects
        ]


def register_rules() -> None:
    """Register the rules of the force with the records they check."""
    register(Deployment, StrengthNeverNegative())
