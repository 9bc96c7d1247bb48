"""Who may see and change which records: DESIGN.md's role table, enforced in querysets.

Every view, form, export and chart asks `visible` or `changeable` for its queryset, so a
record outside the user's scope is never fetched: looking it up answers 404, as if it did
not exist. Checks are never sprinkled in templates.
"""

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404

from msaada.accounts.models import Profile, Role
from msaada.core.records import in_mission

User = AbstractBaseUser | AnonymousUser

SUPPORT_OFFICE = frozenset({Role.ADMIN, Role.FINANCE, Role.LOGISTICS, Role.FORCE, Role.OPERATIONS})

# The records each role keeps (DESIGN.md: "may change"); every support-office role may add sources
# and scenarios (a plan's scenario is the support office's, its rows are each officer's own).
KEEPS: dict[str, frozenset[str]] = {
    Role.FINANCE: frozenset(
        {
            "finance.organization",
            "finance.fund",
            "finance.flow",
            "finance.expenditure",
            "finance.fxrate",
            "plans.costmodel",
            "plans.costline",
            "plans.plannedflow",
            "plans.scenario",
            "sources.source",
            "sources.claim",
        }
    ),
    # A claim is kept by the officers who keep the records it is about, as their sources are.
    Role.LOGISTICS: frozenset(
        {
            "logistics.serviceline",
            "logistics.contract",
            "logistics.asset",
            "plans.plannedcontract",
            "plans.scenario",
            "sources.source",
            "sources.claim",
        }
    ),
    Role.FORCE: frozenset(
        {
            "missions.mandate",
            "forces.pledge",
            "forces.deployment",
            "forces.contributor",
            "plans.target",
            "plans.scenario",
            "sources.source",
            "sources.claim",
        }
    ),
    Role.OPERATIONS: frozenset(
        {
            "missions.site",
            "missions.sitestatus",
            "missions.incident",
            "plans.scenario",
            "sources.source",
            "sources.claim",
        }
    ),
    Role.LIAISON: frozenset({"forces.pledge", "forces.deployment"}),
    Role.DONOR: frozenset({"finance.flow"}),
}


def label(model: type[models.Model]) -> str:
    """Return the model's `app.model` label, as the role table names it."""
    return model._meta.label_lower


def role_of(user: User) -> str | None:
    """Return the user's role; a superuser without a profile is an admin; anyone else without one has none."""
    if not user.is_authenticated or not user.is_active:
        return None
    profile = profile_of(user)
    if profile is not None:
        return profile.role
    return Role.ADMIN if user.is_superuser else None


def profile_of(user: User) -> Profile | None:
    """Return the user's profile, or None."""
    try:
        return user.profile
    except (AttributeError, Profile.DoesNotExist):
        return None


def missions(user: User) -> models.QuerySet:
    """Return the current missions the user may see: all for an admin, else those on the profile."""
    mission_model = apps.get_model("missions", "Mission")
    role = role_of(user)
    if role is None:
        return mission_model.objects.none()
    if role == Role.ADMIN:
        return mission_model.objects.current()
    return mission_model.objects.current().filter(pk__in=profile_of(user).missions.values("pk"))


def _own(user: User, model: type[models.Model]) -> Q | None:
    """Return the filter of the records a liaison or donor speaks for, or None when it has none of that kind."""
    role, profile = role_of(user), profile_of(user)
    name = label(model)
    if role == Role.LIAISON and name in {"forces.pledge", "forces.deployment"}:
        return Q(contributor__code=profile.country)
    if role == Role.DONOR and name == "finance.flow":
        return Q(donor=profile.organization_id)
    return None


def visible(user: User, model: type[models.Model]) -> models.QuerySet:
    """Return the records of `model` the user may see in detail, archived ones included."""
    role = role_of(user)
    records = model._default_manager.all()
    if role is None or role == Role.OBSERVER:
        return records.none()
    if role in SUPPORT_OFFICE:
        own = Q()
    else:
        own = _own(user, model)
        if own is None:
            return records.none()
    if label(model) == "missions.mission":
        return records.filter(pk__in=missions(user).values("pk"))
    if in_mission(model):
        own &= Q(mission__in=missions(user))
    return records.filter(own)


def pickable(user: User, model: type[models.Model]) -> models.QuerySet:
    """Return the records of `model` the user may choose in a form or a filter.

    That is what they may see, except that a donor, who sees no fund in detail, records its
    flows into the funds of its missions (whose position it may see, DESIGN.md).
    """
    if role_of(user) == Role.DONOR and label(model) == "finance.fund":
        return model._default_manager.filter(mission__in=missions(user))
    if role_of(user) in REPORTERS and label(model) == "sources.source":
        return model._default_manager.all()  # the documents a reporter's record rests on are shared by all
    return visible(user, model)


# Exchange rates are shared by every mission: a rate changed for one mission changes the figures of all
# the others, so only someone who answers for all of them (an admin, or an officer of every mission) keeps them.
SHARED_FIGURES = frozenset({"finance.fxrate"})


def may_keep(user: User, model: type[models.Model]) -> bool:
    """Return whether the user's role keeps records of this kind at all."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if role is None or label(model) not in KEEPS.get(role, frozenset()):
        return False
    return label(model) not in SHARED_FIGURES or spans_every_mission(user)


def spans_every_mission(user: User) -> bool:
    """Return whether the user's missions include every current mission."""
    mission_model = apps.get_model("missions", "Mission")
    return not mission_model.objects.current().exclude(pk__in=missions(user).values("pk")).exists()


def changeable(user: User, model: type[models.Model]) -> models.QuerySet:
    """Return the records of `model` the user may create, change, archive and restore."""
    return visible(user, model) if may_keep(user, model) else model._default_manager.none()


def may_import(user: User) -> bool:
    """Return whether the user may import spreadsheets: the support office only.

    Liaisons and donors keep a few records through the forms only: an import may touch many of
    their neighbours' rows at once, so it is left to the support office.
    """
    return role_of(user) in SUPPORT_OFFICE


def sees_every_record(user: User) -> bool:
    """Return whether the user's lists hold every record of their missions (the support office).

    Only then does a figure's list add up to the figure: a liaison's or a donor's holds its own records.
    """
    return role_of(user) in SUPPORT_OFFICE


def sees_aggregates(user: User) -> bool:
    """Return whether the user may see a mission's dashboard and brief: every role does, for its missions."""
    return role_of(user) is not None


def mission_or_404(user: User, code: str) -> models.Model:
    """Return the mission with this code if the user may see it; otherwise answer 404, as if it did not exist."""
    return get_object_or_404(missions(user), code=code)


# Reported, then confirmed (core/review.py): what these roles record waits for an officer of the mission.
REPORTERS = frozenset({Role.LIAISON, Role.DONOR})


def reports(user: User, model: type[models.Model]) -> bool:
    """Whether the user's writes of this kind are reported, to be confirmed or rejected by an officer."""
    return role_of(user) in REPORTERS and getattr(model, "reviewed", False)


def reviewable(user: User, model: type[models.Model]) -> models.QuerySet:
    """Return the records of `model` the user confirms or rejects: those a keeper who is no reporter may change.

    A force officer reviews pledges and deployments, a finance officer flows, each of their own missions;
    an admin all of them.
    """
    if not getattr(model, "reviewed", False) or role_of(user) in REPORTERS:
        return model._default_manager.none()
    return changeable(user, model)
