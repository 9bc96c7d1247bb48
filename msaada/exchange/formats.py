"""The import format of DESIGN.md: each file, its columns, and the record it describes."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from django.db import models

from msaada.core.fields import ScaledDecimalField
from msaada.core.identity import RecordFile, file_of
from msaada.core.records import Fact, in_mission
from msaada.exchange import cells
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Asset, Contract
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from msaada.sources.models import Claim, Source


@dataclass(frozen=True)
class Column:
    """One column of a file: its header, how to read it, whether it may be empty, what it refers to.

    `field_name` names the model's field the column holds when the header names it otherwise.
    """

    name: str
    parse: Callable[[str], object] = cells.parse_text
    required: bool = True
    refers_to: str | None = None
    field_name: str = ""

    @property
    def field(self) -> str:
        """Return the model's field the column holds (its header, unless the file names it otherwise)."""
        return self.field_name or self.name


def text(name: str, required: bool = True) -> Column:
    return Column(name, cells.parse_text, required)


def date(name: str, required: bool = True) -> Column:
    return Column(name, cells.parse_date, required)


def decimal(name: str) -> Column:
    return Column(name, cells.parse_decimal)


def kind_of(model: type[models.Model]) -> str:
    """Return the kind of key a reference to the model names, in messages too: `organization`, `service_line`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def field_of(model: type[models.Model], name: str) -> models.Field:
    """Return the model's field a column holds: a file's columns name fields of the model itself, never reverse ones."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model.__name__}.{name} is not a field of its own")
    return field


def related_of(field: models.Field) -> type[models.Model]:
    """Return the model a reference column's field points at (resolved, once the apps are loaded)."""
    related = field.related_model
    if not isinstance(related, type):
        raise TypeError(f"{field} points at no model")
    return related


def column_of(model: type[models.Model], name: str, header: str | None = None) -> Column:
    """Return the column a model's field is read from: its type says how, its `blank` whether it may be empty.

    A field of listed values reads each value however loosely spelled, or as its label (cells.Enumeration).
    """
    field = field_of(model, name)
    required = not field.blank
    if field.is_relation:
        column = Column(name, cells.parse_text, required, kind_of(related_of(field)))
    elif isinstance(field, models.DateField):
        column = date(name, required)
    elif isinstance(field, ScaledDecimalField):
        column = decimal(name)
    elif isinstance(field, models.PositiveIntegerField):
        column = Column(name, cells.parse_count, required)
    elif field.choices:
        column = Column(name, cells.Enumeration(field.choices), required)
    else:
        column = text(name, required)
    if header is None or header == name:
        return column
    return replace(column, name=header, field_name=name)


@dataclass(frozen=True)
class FileSpec:
    """A file of the import format and the model its rows become, as the model declares it (`record_file`).

    `natural_key` names the columns that identify a row when the file has a key of its own;
    otherwise a row is identified by its `ref`, or, without one, by its content.
    """

    model: type[Fact]

    @property
    def file(self) -> RecordFile:
        return file_of(self.model)

    @property
    def name(self) -> str:
        return self.file.name

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        return tuple(column_of(self.model, name, self.file.header(name)) for name in self.file.columns)

    @property
    def natural_key(self) -> tuple[str, ...]:
        return self.model.natural_key_fields

    @property
    def in_mission(self) -> bool:
        return in_mission(self.model)

    @property
    def ref_identity(self) -> tuple[str, ...]:
        return self.file.ref_identity

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def all_columns(self) -> tuple[Column, ...]:
        """Return the columns with `ref` first when the format lists it, and `source` last."""
        names = {c.name for c in self.columns}
        ref = () if "ref" in names else (Column("ref", required=False),)
        return (*ref, *self.columns, Column("source", required=False, refers_to=kind_of(Source)))

    @property
    def content_columns(self) -> tuple[str, ...]:
        return self.file.content_columns

    def unique_identity(self, ref: str) -> bool:
        """Whether two rows of one file with the same identity are a mistake rather than two records.

        Rows identified by content may repeat (two identical arrivals are two arrivals); a key may not,
        nor a ref, except in flows.csv, where rows sharing a ref are the stages of one contribution.
        """
        return bool(self.natural_key) or (bool(ref) and self.ref_identity == ("ref",))


FILES: tuple[FileSpec, ...] = tuple(
    FileSpec(model)
    for model in (
        Source,
        Mission,
        Organization,
        Fund,
        FxRate,
        Mandate,
        Pledge,
        Deployment,
        Flow,
        Expenditure,
        Contract,
        Asset,
        Site,
        SiteStatus,
        Incident,
        CostModel,
        CostLine,
        Scenario,
        Target,
        PlannedFlow,
        PlannedContract,
        Claim,  # last: a claim names a record of any other file
    )
)

FILES_BY_NAME = {spec.name: spec for spec in FILES}
FILES_BY_MODEL = {spec.model: spec for spec in FILES}

# The models rows refer to by their natural key, by kind: the file columns' references and the sources.
REFERRED: dict[str, type[models.Model]] = {kind_of(Source): Source} | {
    kind_of(model): model
    for model in (
        related_of(field_of(spec.model, column.field)) for spec in FILES for column in spec.columns if column.refers_to
    )
}
