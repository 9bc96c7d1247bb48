"""Every kind of record a support office keeps, as the data-entry pages show it.

One registry drives the lists, the forms, the filters, the exports and the history pages, so
that adding a kind of record is one entry here rather than a set of views and templates.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.http import Http404

from msaada.core.records import Fact, in_mission
from msaada.exchange.formats import FILES_BY_MODEL, FileSpec
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Site, SiteStatus
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from msaada.sources.models import Claim, Source


def sorted_by(model: type[models.Model]) -> str:
    """Return the field a reference to the model sorts by: the name the list shows, else its natural key."""
    names = {field.name for field in model._meta.fields}
    return "name" if "name" in names else model.natural_key_fields[0]


@dataclass(frozen=True)
class Entity:
    """A kind of record: its URL slug, model, list columns, form fields, filters, search and sort columns.

    `fields`, the form's, default to the columns of the kind's file with its `ref`, so a form asks for
    what the import reads. `filters` names model fields: a date becomes a from/to pair, a reference or a
    field with choices a select, any other field an exact (case-insensitive) text match; archivable
    kinds also get "archived".
    """

    slug: str
    model: type[models.Model]
    columns: tuple[str, ...]
    fields: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    sortable: tuple[str, ...] = ()
    heading: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.fields:
            columns = tuple(self.model.record_file.columns)
            object.__setattr__(self, "fields", columns if "ref" in columns else ("ref", *columns))

    @property
    def spec(self) -> FileSpec | None:
        """Return the import format's file for this kind, when it has one."""
        return FILES_BY_MODEL.get(self.model)

    @property
    def in_mission(self) -> bool:
        """Whether each record belongs to one mission; global ones (sources, rates...) are shared by all."""
        return in_mission(self.model)

    @property
    def archivable(self) -> bool:
        """Whether records of this kind are archived (and may cite sources), rather than kept as they are."""
        return issubclass(self.model, Fact)

    @property
    def cites(self) -> bool:
        """Whether records of this kind cite sources (a source does not cite another)."""
        return self.archivable and self.model is not Source

    @property
    def title(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def area(self) -> str:
        return str(self.model._meta.app_config.verbose_name)

    @property
    def label_of_one(self) -> str:
        return str(self.model._meta.verbose_name)

    def sort_path(self, column: str) -> str:
        """Return the database path a column sorts by: a reference sorts by its related record's name or code."""
        field = self.model._meta.get_field(column)
        if field.is_relation:
            return f"{column}__{sorted_by(field.related_model)}"
        return column

    @property
    def title_fields(self) -> tuple[str, ...]:
        """Return the fields that name one record in a heading: `heading`, or the first three columns."""
        return self.heading or self.columns[:3]

    @cached_property
    def references(self) -> tuple[str, ...]:
        """Return the reference fields among the columns, fetched with each row so a page costs one query."""
        return tuple(name for name in self.columns if self.model._meta.get_field(name).is_relation)


ENTITIES: tuple[Entity, ...] = (
    Entity(
        "mandates",
        Mandate,
        columns=("authority", "start", "end", "authorized_strength"),
        filters=("start",),
        search=("authority", "ref"),
        sortable=("authority", "start", "end", "authorized_strength"),
    ),
    Entity(
        "sites",
        Site,
        columns=("name", "kind", "latitude", "longitude"),
        filters=("kind",),
        search=("name", "ref"),
        sortable=("name", "kind", "latitude", "longitude"),
    ),
    Entity(
        "site-statuses",
        SiteStatus,
        columns=("site", "date", "status"),
        filters=("site", "status", "date"),
        search=("site__name", "ref"),
        sortable=("site", "date", "status"),
    ),
    Entity(
        "incidents",
        Incident,
        columns=("event_date", "event_type", "sub_event_type", "location", "admin1", "fatalities"),
        filters=("event_type", "admin1", "event_date"),
        search=("location", "actor1", "sub_event_type", "notes", "ref"),
        sortable=("event_date", "event_type", "location", "admin1", "fatalities"),
    ),
    Entity(
        "contributors",
        Contributor,
        columns=("code",),
        fields=("code",),
        search=("code",),
        sortable=("code",),
    ),
    Entity(
        "pledges",
        Pledge,
        columns=("contributor", "category", "count", "date", "status"),
        filters=("contributor", "category", "status", "date"),
        search=("contributor__code", "ref"),
        sortable=("contributor", "category", "count", "date", "status"),
        heading=("contributor", "status", "count", "category", "date"),
    ),
    Entity(
        "deployments",
        Deployment,
        columns=("contributor", "unit", "category", "change", "count", "date"),
        filters=("contributor", "category", "change", "date"),
        search=("unit", "contributor__code", "ref"),
        sortable=("contributor", "unit", "category", "change", "count", "date"),
        heading=("contributor", "change", "count", "category", "date"),
    ),
    Entity(
        "organizations",
        Organization,
        columns=("key", "name", "kind", "country"),
        filters=("kind", "country"),
        search=("key", "name"),
        sortable=("key", "name", "kind", "country"),
    ),
    Entity(
        "funds",
        Fund,
        columns=("key", "name", "manager", "kind"),
        filters=("manager", "kind"),
        search=("key", "name"),
        sortable=("key", "name", "manager", "kind"),
    ),
    Entity(
        "flows",
        Flow,
        columns=("date", "donor", "fund", "stage", "amount", "currency", "ref"),
        filters=("donor", "fund", "stage", "currency", "date"),
        search=("ref", "donor__name", "fund__name"),
        sortable=("date", "donor", "fund", "stage", "amount", "currency", "ref"),
        heading=("donor", "stage", "amount", "currency", "date"),
    ),
    Entity(
        "fx-rates",
        FxRate,
        columns=("date", "currency", "per_usd"),
        filters=("currency", "date"),
        search=("currency",),
        sortable=("date", "currency", "per_usd"),
    ),
    Entity(
        "expenditures",
        Expenditure,
        columns=("date", "fund", "budget_line", "amount", "currency"),
        filters=("fund", "currency", "date"),
        search=("budget_line", "ref"),
        sortable=("date", "fund", "budget_line", "amount", "currency"),
        heading=("budget_line", "amount", "currency", "date"),
    ),
    Entity(
        "service-lines",
        ServiceLine,
        columns=("name",),
        fields=("name",),
        search=("name",),
        sortable=("name",),
    ),
    Entity(
        "contracts",
        Contract,
        columns=("service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity"),
        filters=("service_line", "funder", "currency", "start"),
        search=("vendor", "service_line__name", "ref"),
        sortable=("service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity"),
        heading=("service_line", "vendor", "start", "end"),
    ),
    Entity(
        "assets",
        Asset,
        columns=("kind", "owner", "date", "total", "operational"),
        filters=("owner", "date"),
        search=("kind", "ref"),
        sortable=("kind", "owner", "date", "total", "operational"),
    ),
    Entity(
        "cost-models",
        CostModel,
        columns=("key", "name", "effective"),
        filters=("effective",),
        search=("key", "name", "ref"),
        sortable=("key", "name", "effective"),
        heading=("name", "effective"),
    ),
    Entity(
        "cost-lines",
        CostLine,
        columns=("cost_model", "budget_line", "basis", "amount", "currency", "channel", "service_line", "lead_days"),
        filters=("cost_model", "basis", "channel", "currency", "service_line"),
        search=("budget_line", "cost_model__key", "ref"),
        sortable=("cost_model", "budget_line", "basis", "amount", "currency", "channel", "service_line", "lead_days"),
        heading=("cost_model", "budget_line", "amount", "currency"),
    ),
    Entity(
        "scenarios",
        Scenario,
        columns=("name", "start", "end", "cost_model"),
        filters=("cost_model", "start"),
        search=("name", "notes", "ref"),
        sortable=("name", "start", "end", "cost_model"),
        heading=("name",),
    ),
    Entity(
        "targets",
        Target,
        columns=("scenario", "contributor", "category", "date", "strength"),
        filters=("scenario", "contributor", "category", "date"),
        search=("scenario__name", "contributor__code", "ref"),
        sortable=("scenario", "contributor", "category", "date", "strength"),
        heading=("scenario", "contributor", "strength", "date"),
    ),
    Entity(
        "planned-flows",
        PlannedFlow,
        columns=("scenario", "date", "donor", "fund", "stage", "amount", "currency"),
        filters=("scenario", "donor", "fund", "stage", "currency", "date"),
        search=("scenario__name", "donor__name", "fund__name", "ref"),
        sortable=("scenario", "date", "donor", "fund", "stage", "amount", "currency"),
        heading=("scenario", "donor", "amount", "currency", "date"),
    ),
    Entity(
        "planned-contracts",
        PlannedContract,
        columns=("scenario", "service_line", "vendor", "start", "end", "capacity", "value", "currency"),
        filters=("scenario", "service_line", "currency", "start"),
        search=("scenario__name", "vendor", "service_line__name", "ref"),
        sortable=("scenario", "service_line", "vendor", "start", "end", "capacity", "value", "currency"),
        heading=("scenario", "service_line", "vendor", "start"),
    ),
    Entity(
        "sources",
        Source,
        columns=("key", "title", "publisher", "date", "kind"),
        fields=("key", "title", "publisher", "date", "url", "kind"),
        filters=("kind", "date"),
        search=("key", "title", "publisher"),
        sortable=("key", "title", "publisher", "date", "kind"),
        heading=("title",),
    ),
    Entity(
        "claims",
        Claim,
        columns=("file", "record", "field", "value", "note"),
        filters=("file",),
        search=("record", "field", "value", "note"),
        sortable=("file", "record", "field", "value"),
        heading=("record", "field"),
    ),
)

BY_SLUG = {entity.slug: entity for entity in ENTITIES}
BY_MODEL = {entity.model: entity for entity in ENTITIES}


def entity_or_404(slug: str) -> Entity:
    """Return the kind of record a URL names; an unknown kind is not found, like any missing page."""
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise Http404 from None
