"""A kind's list: the records a user may see, filtered, searched, sorted, shown as cells or exported rows."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import django_filters
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.query import EmptyQuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from msaada.accounts.scopes import pickable, visible
from msaada.core.dates import LanguageDateField
from msaada.core.records import in_mission
from msaada.entry.codes import choices_for
from msaada.entry.counted import COUNTED_BY, counted_on
from msaada.entry.entities import BY_MODEL, Entity
from msaada.exchange import cells
from msaada.exchange.identity import record_row
from msaada.missions.models import Mission
from msaada.sources.models import Citation

PAGE_SIZE = 50
ARCHIVED, ALL = "yes", "all"
ANY = _("any")


def records_of(user: AbstractBaseUser, entity: Entity, mission: Mission) -> models.QuerySet:
    """Return the records of a kind the user may see in this mission (global kinds: all they may see)."""
    records = visible(user, entity.model)
    if entity.in_mission:
        records = records.filter(mission=mission)
    return records.select_related(*entity.references)


def may_see(user: AbstractBaseUser, model: type[models.Model]) -> bool:
    """Whether the user may see any record of this kind, decided from the scope alone, without a query."""
    return not isinstance(visible(user, model), EmptyQuerySet)


def choices_of(user: AbstractBaseUser, model: type[models.Model], mission: Mission) -> models.QuerySet:
    """Return the records of `model` a user may pick in a form or a filter of this mission."""
    records = pickable(user, model)
    if in_mission(model):
        records = records.filter(mission=mission)
    return records


class RecordFilterSet(django_filters.FilterSet):
    """Filters of a kind's list; reference filters offer only the records the user may see."""

    def __init__(self, data: QueryDict, queryset: models.QuerySet, *, user: AbstractBaseUser, mission: Mission):
        super().__init__(data, queryset)
        self.mission = mission
        for name, filter_ in list(self.filters.items()):
            if isinstance(filter_, django_filters.ModelChoiceFilter):
                choices = choices_of(user, filter_.queryset.model, mission)
                if isinstance(choices, EmptyQuerySet):
                    del self.filters[name]
                else:
                    filter_.queryset = choices
        self.form.label_suffix = ""

    def filter_queryset(self, queryset: models.QuerySet) -> models.QuerySet:
        if "archived" in self.filters and not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_at__isnull=True)
        return super().filter_queryset(queryset)

    def filter_archived(self, queryset: models.QuerySet, name: str, value: str) -> models.QuerySet:
        return queryset if value == ALL else queryset.filter(archived_at__isnull=False)

    def filter_counted_on(self, queryset: models.QuerySet, name: str, value: dt.date) -> models.QuerySet:
        return counted_on(queryset, self.mission, value)


class LanguageDateFilter(django_filters.DateFilter):
    """A date bound of a list, typed in the user's language as in the forms."""

    field_class = LanguageDateField


def _filters_for(entity: Entity, name: str) -> dict[str, django_filters.Filter]:
    field = entity.model._meta.get_field(name)
    label = capfirst(field.verbose_name)
    if isinstance(field, models.DateField):
        return {
            f"{name}_from": LanguageDateFilter(
                field_name=name, lookup_expr="gte", label=format_lazy(_("{} from"), label)
            ),
            f"{name}_to": LanguageDateFilter(field_name=name, lookup_expr="lte", label=format_lazy(_("{} to"), label)),
        }
    if field.is_relation:
        # The queryset is replaced per user; the model is kept so RecordFilterSet knows what to scope.
        return {
            name: django_filters.ModelChoiceFilter(
                queryset=field.related_model.objects.none(), label=label, empty_label=ANY
            )
        }
    codes = choices_for(field)
    if codes is not None:
        return {name: django_filters.ChoiceFilter(choices=codes, label=label, empty_label=ANY)}
    if field.choices:
        return {name: django_filters.ChoiceFilter(choices=field.choices, label=label, empty_label=ANY)}
    return {name: django_filters.CharFilter(lookup_expr="iexact", label=label)}


@cache
def filterset_class(entity: Entity) -> type[RecordFilterSet]:
    """Return the FilterSet of a kind, built once from its registry entry."""
    declared: dict[str, object] = {}
    for name in entity.filters:
        declared.update(_filters_for(entity, name))
    if entity.model in COUNTED_BY:
        declared["counted_on"] = LanguageDateFilter(method="filter_counted_on", label=_("Counted in the brief of"))
    if entity.archivable:
        declared["archived"] = django_filters.ChoiceFilter(
            method="filter_archived",
            label=_("Archived"),
            empty_label=_("current records"),
            choices=[(ARCHIVED, _("archived records")), (ALL, _("current and archived"))],
        )
    return type(f"{entity.model.__name__}FilterSet", (RecordFilterSet,), declared)


def searched(entity: Entity, records: models.QuerySet, text: str) -> models.QuerySet:
    """Return the records with the text in any of the kind's search fields."""
    text = text.strip()
    if not text or not entity.search:
        return records
    wanted = Q()
    for name in entity.search:
        wanted |= Q(**{f"{name}__icontains": text})
    return records.filter(wanted)


def sort_key(entity: Entity, requested: str) -> str:
    """Return the requested sort (`col` or `-col`) if the kind allows it, else the empty default."""
    return requested if requested.lstrip("-") in entity.sortable else ""


def sorted_records(entity: Entity, records: models.QuerySet, key: str) -> models.QuerySet:
    """Order by an allowed column, then by pk so that pages do not overlap."""
    if not key:
        return records.order_by(*records.model._meta.ordering, "pk")
    descending = key.startswith("-")
    path = entity.sort_path(key.lstrip("-"))
    return records.order_by(f"-{path}" if descending else path, "-pk" if descending else "pk")


@dataclass(frozen=True)
class Cell:
    """One value of a list row as it is shown: its text, whether it is a number, where it links."""

    text: str
    number: bool = False
    url: str = ""
    date: bool = False


def shown(record: models.Model, name: str) -> tuple[str, bool]:
    """Return a field's value as a person reads it, and whether it is a number (aligned right)."""
    return text_of(record._meta.get_field(name), getattr(record, name))


def text_of(field: models.Field, value: object) -> tuple[str, bool]:
    """Return a value of a field as a person reads it, and whether it is a number."""
    if value is None or value == "":
        return "", False
    if field.choices:
        return str(dict(field.flatchoices).get(value, value)), False
    if isinstance(value, Decimal):
        return number_format(Decimal(cells.plain(value)), use_l10n=True, force_grouping=True), True
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=True), True
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z"), False
    if isinstance(value, dt.date):
        return value.isoformat(), False
    return str(value), False


def title_of(entity: Entity, record: models.Model) -> str:
    """Return the words that name a record in a heading: its main values, as the list shows them."""
    return " · ".join(text for text in (shown(record, name)[0] for name in entity.title_fields) if text)


def detail_url(mission: Mission, record: models.Model) -> str:
    return reverse("record_detail", args=[mission.code, BY_MODEL[type(record)].slug, record.pk])


def row_cells(entity: Entity, record: models.Model, mission: Mission, linked: frozenset[str]) -> list[Cell]:
    """Return a record's list cells: the first links to the record, a reference to the record it names.

    `linked` holds the slugs of the kinds the user may open.
    """
    row = []
    for position, name in enumerate(entity.columns):
        text, number = shown(record, name)
        url = ""
        if position == 0:
            url = detail_url(mission, record)
        elif name in entity.references:
            related = getattr(record, name)
            # An optional reference left empty (a cost line's service line) links nowhere.
            if related is not None and BY_MODEL[type(related)].slug in linked:
                url = detail_url(mission, related)
        row.append(Cell(text, number, url, isinstance(getattr(record, name), dt.date)))
    return row


def export_header(entity: Entity) -> list[str]:
    """Return the exported columns: the import format's where the kind has a file, else the list's."""
    if entity.spec:
        return [column.name for column in entity.spec.all_columns]
    return list(entity.columns)


def exported(entity: Entity, records: models.QuerySet) -> models.QuerySet:
    """Return the records with what an exported row needs: the keys they refer to and the sources they cite."""
    if not entity.spec:
        return records
    related = [column.field for column in entity.spec.columns if column.refers_to]
    citations = Prefetch("citations", queryset=Citation.objects.select_related("source"))
    return records.select_related(*related).prefetch_related(citations)


def export_rows(entity: Entity, records: models.QuerySet) -> Iterator[list[object]]:
    """Yield each record as a row of the export, in the import format where the kind has one.

    Values are the import format's texts, except dates and whole numbers, kept typed for spreadsheets.
    """
    names = [column.field for column in entity.spec.all_columns] if entity.spec else export_header(entity)
    for record in exported(entity, records).iterator(chunk_size=2000):
        if entity.spec:
            row: dict[str, object] = record_row(entity.spec, record)
            row["source"] = ";".join(sorted(c.source.key for c in record.citations.all()))
        else:
            row = {name: cells.render(getattr(record, name)) for name in names}
        yield [_typed(record, name, row[name]) for name in names]


def _typed(record: models.Model, name: str, text: object) -> object:
    value = getattr(record, name, None)
    if isinstance(value, dt.date | int) and not isinstance(value, bool) and text != "":
        return value
    return cells.export_text(str(text), value)
