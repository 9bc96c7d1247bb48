"""A write of the API as the forms make it: the body becomes the kind's form, the form's record goes through the gate.

The form (entry/forms.py) checks the record as a person typing it would be checked (fields, the model's
rules, the caller's fixed values: a liaison's own country, a donor's own organization; the sources a
reporter must cite), and the write gate (core/services.py) checks it again after the write, in its
transaction, with history against the caller. So a refusal reads as on the page and in the import.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

from msaada.accounts.scopes import missions, pickable
from msaada.api.problems import Refused, field_errors
from msaada.api.serializers import key_of
from msaada.entry.entities import Entity
from msaada.entry.forms import LocalizedDecimalField, LocalizedIntegerField, form_class
from msaada.exchange import cells
from msaada.missions.models import Mission
from msaada.sources.models import Source

MAX_ROWS = 1000
"""The most rows one bulk request writes: a larger batch belongs in an import."""


@dataclass
class Prepared:
    """A record checked by its form, ready for the gate, with the sources it cites (None: leave them)."""

    record: models.Model
    sources: list[models.Model] | None
    mission: Mission | None


def mission_of(
    user: AbstractBaseUser, entity: Entity, data: dict[str, Any], record: models.Model | None
) -> Mission | None:
    """Return the mission a write is in: the record's own, else the one the body names among the caller's."""
    if not entity.in_mission:
        return None
    code = data.get("mission")
    if record is not None:
        if code is not None and code != record.mission.code:
            raise Refused([{"field": "mission", "problem": _("a record stays in its mission")}])
        return record.mission
    if code in (None, ""):
        raise Refused([{"field": "mission", "problem": str(forms.Field.default_error_messages["required"])}])
    mission = missions(user).filter(code=str(code)).first()
    if mission is None:
        raise Refused([{"field": "mission", "problem": _("no mission with this code among yours")}])
    return mission


def prepare(
    user: AbstractBaseUser,
    entity: Entity,
    data: object,
    *,
    record: models.Model | None = None,
    mission: Mission | None = None,
    partial: bool = False,
    row: int | None = None,
) -> Prepared:
    """Check the body of a write with the kind's form; raise Refused naming each field at fault (and the row)."""
    if not isinstance(data, dict):
        raise Refused([_at(row, {"field": "", "problem": _("a record is a JSON object")})])
    try:
        if mission is None:
            mission = mission_of(user, entity, data, record)
        elif entity.in_mission and data.get("mission") not in (None, mission.code):
            raise Refused([{"field": "mission", "problem": _("every row of a bulk write is in the request's mission")}])
    except Refused as refused:
        raise Refused([_at(row, error) for error in refused.errors]) from None
    instance = record if record is not None else entity.model()
    form = form_class(entity)(None, instance=instance, entity=entity, user=user, mission=mission)
    problems: list[dict[str, Any]] = []
    unknown = sorted(set(data) - set(form.fields) - {"mission", "id"})
    problems += [_at(row, {"field": name, "problem": _("not a field you may write")}) for name in unknown]
    values = _current(form, instance) if partial else {}
    values.update({name: value for name, value in data.items() if name in form.fields})
    if "sources" in values:
        values["sources"], unknown_sources = _source_ids(user, values["sources"])
        problems += [_at(row, {"field": "sources", "problem": _("unknown source %s") % key}) for key in unknown_sources]
    form_data = {name: _as_typed(form.fields[name], value) for name, value in values.items()}
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField) and name != "sources" and name in data:
            form_data[name] = _by_key(field, data[name])
    bound = form_class(entity)(form_data, instance=instance, entity=entity, user=user, mission=mission)
    if not bound.is_valid():
        problems += field_errors(bound.errors, row)
    if problems:
        raise Refused(problems)
    return Prepared(bound.instance, bound.sources if "sources" in values else None, mission)


def _at(row: int | None, entry: dict[str, Any]) -> dict[str, Any]:
    return entry if row is None else {"row": row, **entry}


def _current(form: forms.ModelForm, record: models.Model) -> dict[str, Any]:
    """Return the record's stored values as a body would send them, for a change that names a few fields only."""
    values: dict[str, Any] = {}
    for name in form.fields:
        if name == "sources":
            continue
        field = record._meta.get_field(name)
        values[name] = getattr(record, field.attname)
    return values


def _by_key(field: forms.ModelChoiceField, key: object) -> object:
    """Return the id of the record a body names by key among the form's choices; an unknown key stays for the form."""
    if key is None:
        return ""
    found = field.queryset.filter(**{key_of(field.queryset.model): str(key)}).values_list("pk", flat=True).first()
    return found if found is not None else str(key)


def _source_ids(user: AbstractBaseUser, keys: object) -> tuple[list[int], list[str]]:
    """Return the ids of the sources named by key that the caller may cite, and the keys of no such source."""
    if not isinstance(keys, list):
        return [], [str(keys)]
    texts = [str(key) for key in keys]
    found = dict(pickable(user, Source).filter(key__in=texts).values_list("key", "pk"))
    return [found[key] for key in texts if key in found], [key for key in texts if key not in found]


def _as_typed(field: forms.Field, value: object) -> object:
    """Return a JSON value as the form reads it typed: numbers in the active language's writing, dates in ISO."""
    if value is None:
        return ""
    if isinstance(field, LocalizedDecimalField | LocalizedIntegerField) and not isinstance(value, bool):
        try:
            number = cells.parse_decimal(str(value))
        except cells.CellError:
            return str(value)  # the form says what is wrong with it, in its own words
        if isinstance(field, LocalizedIntegerField) and number != number.to_integral_value():
            return str(value)
        return formats.localize_input(number if isinstance(field, LocalizedDecimalField) else int(number))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return formats.localize_input(value)
    if isinstance(value, list):
        return [str(item) for item in value]
    return value if isinstance(value, str) else str(value)
