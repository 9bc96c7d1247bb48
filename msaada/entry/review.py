"""The review of reported records: which kinds a user reviews, and what waits in a mission."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models.query import EmptyQuerySet

from msaada.accounts.scopes import reviewable
from msaada.core.review import ReviewState
from msaada.entry.entities import ENTITIES, Entity
from msaada.missions.models import Mission


def reviewed_kinds(user: AbstractBaseUser) -> list[Entity]:
    """Return the kinds of record the user confirms or rejects, decided from the scope alone."""
    return [entity for entity in ENTITIES if not isinstance(reviewable(user, entity.model), EmptyQuerySet)]


def waiting(user: AbstractBaseUser, entity: Entity, mission: Mission) -> models.QuerySet:
    """Return the current records of a kind reported in the mission that the user may confirm or reject."""
    return reviewable(user, entity.model).filter(
        mission=mission, archived_at__isnull=True, review_state=ReviewState.REPORTED
    )


def waiting_count(user: AbstractBaseUser, mission: Mission) -> int | None:
    """Return how many records wait for the user's review in the mission, or None when the user reviews none."""
    kinds = reviewed_kinds(user)
    if not kinds:
        return None
    return sum(waiting(user, entity, mission).count() for entity in kinds)
