"""Find the kind and the record a data-entry URL names, for this user; anything out of reach is not found."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from msaada.accounts.scopes import changeable, may_keep, visible
from msaada.entry.entities import ENTITIES, Entity, entity_or_404
from msaada.entry.lists import may_see, title_of
from msaada.missions.models import Mission


def kind_or_404(user: AbstractBaseUser, slug: str, *, keep: bool = False) -> Entity:
    """Return the kind a URL names if the user may see it (and, with `keep`, create records of it)."""
    entity = entity_or_404(slug)
    if not may_see(user, entity.model) or (keep and not may_keep(user, entity.model)):
        raise Http404
    return entity


def record_or_404(
    user: AbstractBaseUser, entity: Entity, mission: Mission, pk: int, *, change: bool = False
) -> models.Model:
    """Return the record if the user may see it (or, with `change`, change it) in this mission."""
    records = changeable(user, entity.model) if change else visible(user, entity.model)
    if entity.in_mission:
        records = records.filter(mission=mission)
    return get_object_or_404(records.select_related(*entity.references), pk=pk)


def open_kinds(user: AbstractBaseUser) -> frozenset[str]:
    """Return the slugs of the kinds the user may open, decided from the scope alone."""
    return frozenset(entity.slug for entity in ENTITIES if may_see(user, entity.model))


def record_context(mission: Mission, entity: Entity, record: models.Model) -> dict[str, object]:
    """Return what every page about one record shows: the mission, the kind, the record and its heading."""
    title = title_of(entity, record) if record.pk else ""
    return {"mission": mission, "entity": entity, "record": record, "record_title": title}
