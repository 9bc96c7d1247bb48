"""The API's filters of each kind, generated from the registry: mission, references by key, stages, date ranges.

A reference is filtered by the key people use for it (`contributor=KEN`, `donor=usa-gov`), not by an id;
a date field by a `_from`/`_to` pair; `organization` matches any reference to that organization (a flow's
donor, a fund's manager, a contract's funder); `as_of` keeps what a brief of that date reads: the records
dated on or before it. Archived records are left out unless `archived` asks for them.
"""

from functools import cache

import django_filters
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from msaada.api.serializers import key_of
from msaada.entry.entities import Entity
from msaada.entry.lists import ALL, ARCHIVED
from msaada.finance.models import Organization


class ApiFilterSet(django_filters.FilterSet):
    """Filters of a kind in the API; what they run over is already the caller's scope."""

    def filter_queryset(self, queryset: models.QuerySet) -> models.QuerySet:
        if "archived" in self.filters and not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_at__isnull=True)
        return super().filter_queryset(queryset)

    def filter_archived(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        return queryset if value == ALL else queryset.filter(archived_at__isnull=False)


def dated_by(model: type[models.Model]) -> str | None:
    """Return the date a record is dated by (its `date`, `event_date` or `start`), or None when it has none."""
    names = {field.name for field in model._meta.fields if isinstance(field, models.DateField)}
    return next((name for name in ("date", "event_date", "start") if name in names), None)


def _filters_for(entity: Entity, name: str) -> dict[str, django_filters.Filter]:
    field = entity.model._meta.get_field(name)
    if isinstance(field, models.DateField):
        return {
            f"{name}_from": django_filters.DateFilter(field_name=name, lookup_expr="gte", label=f"{name} on or after"),
            f"{name}_to": django_filters.DateFilter(field_name=name, lookup_expr="lte", label=f"{name} on or before"),
        }
    if field.is_relation:
        key = key_of(field.related_model)
        return {name: django_filters.CharFilter(field_name=f"{name}__{key}", label=f"the {name}'s {key}")}
    if field.choices:
        return {name: django_filters.ChoiceFilter(choices=field.choices)}
    return {name: django_filters.CharFilter(lookup_expr="iexact")}


def _organization_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.fields if f.is_relation and f.related_model is Organization]


@cache
def filterset_class(entity: Entity) -> type[ApiFilterSet]:
    """Return the API's FilterSet of a kind, built once from its registry entry."""
    declared: dict[str, object] = {}
    if entity.in_mission:
        declared["mission"] = django_filters.CharFilter(field_name="mission__code", label="the mission's code")
    for name in entity.filters:
        declared.update(_filters_for(entity, name))
    organizations = _organization_fields(entity.model)
    if organizations:

        def by_organization(queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
            wanted = Q()
            for field in organizations:
                wanted |= Q(**{f"{field}__key": value})
            return queryset.filter(wanted)

        declared["organization"] = django_filters.CharFilter(
            method=by_organization, label="the key of an organization any reference names"
        )
    dated = dated_by(entity.model)
    if dated:
        declared["as_of"] = django_filters.DateFilter(
            field_name=dated, lookup_expr="lte", label=f"what a brief of this date reads: {dated} on or before"
        )
    if entity.archivable:
        declared["archived"] = django_filters.ChoiceFilter(
            method="filter_archived",
            label=_("Archived"),
            choices=[(ARCHIVED, _("archived records")), (ALL, _("current and archived"))],
        )
    declared["ordering"] = django_filters.OrderingFilter(
        fields=[(entity.sort_path(name), name) for name in entity.sortable]
    )
    meta = type("Meta", (), {"model": entity.model, "fields": []})
    return type(f"{entity.model.__name__}ApiFilterSet", (ApiFilterSet,), {**declared, "Meta": meta})
