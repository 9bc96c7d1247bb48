"""Rules a record's own values obey, held by the database where it can: periods, signs, ranges, one mission."""

import datetime as dt
from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def non_negative(field: str, model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0}),
        name=f"{model}_{field}_not_negative",
        violation_error_message=_("The amount is negative."),
    )


class MissionRecord(Protocol):
    """A record of one mission: it holds the mission it belongs to, and its id."""

    @property
    def mission(self) -> models.Model: ...

    @property
    def mission_id(self) -> int | None: ...


def check_same_mission(fact: MissionRecord, field: str) -> None:
    """Reject a record that points at another mission's record."""
    other = getattr(fact, field, None)
    if other is not None and fact.mission_id and other.mission_id != fact.mission_id:
        raise ValidationError({field: _("belongs to another mission")})


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """Reject a period that ends before it starts."""
    if start and end and end < start:
        raise ValidationError({"end": _("end %(end)s is before start %(start)s") % {"end": end, "start": start}})


def period_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(end__gte=F("start")), name=name, violation_error_message=_("The end is before the start.")
    )


def coordinate_constraints(model: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(latitude__gte=-90, latitude__lte=90),
            name=f"{model}_latitude_range",
            violation_error_message=_("The latitude is outside -90 to 90."),
        ),
        models.CheckConstraint(
            condition=Q(longitude__gte=-180, longitude__lte=180),
            name=f"{model}_longitude_range",
            violation_error_message=_("The longitude is outside -180 to 180."),
        ),
    ]


def unique_ref(model: str) -> models.UniqueConstraint:
    """A reference names one record of its kind in a mission: the import finds the record by it.

    For the kinds whose rows the import identifies by their ref alone; a second record taking a ref
    would be one record to the next import of the same file.
    """
    return models.UniqueConstraint(
        fields=["mission", "ref"],
        condition=~Q(ref=""),
        name=f"{model}_ref_unique",
        violation_error_message=_("Another record of this kind in this mission already has this reference."),
    )
