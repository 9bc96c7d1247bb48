"""Rules of the force that span rows: a contributor's strength never falls below zero."""

from dataclasses import dataclass
from datetime import date

from django.db import connection

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
