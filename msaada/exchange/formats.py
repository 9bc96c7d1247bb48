"""The import format of DESIGN.md: each file, its columns, and the record it describes."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from msaada.exchange import cells
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Asset, Contract
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.sources.models import Source


@dataclass(frozen=True)
class Column:
    """One column of a file: how to read it, whether it may be empty, what it refers to."""

    name: str
    parse: Callable[[str], object] = cells.parse_text
    required: bool = True
    refers_to: str | None = None


def text(name: str, required: bool = True) -> Column:
    return Column(name, cells.parse_text, required)


def date(name: str, required: bool = True) -> Column:
    return Column(name, cells.parse_date, required)


def decimal(name: str) -> Column:
    return Column(name, cells.parse_decimal)


def count(name: str) -> Column:
    return Column(name, cells.parse_count)


def reference(name: str, refers_to: str) -> Column:
    return Column(name, cells.parse_text, True, refers_to)


@dataclass(frozen=True)
class FileSpec:
    """A file of the import format and the model its rows become.

    `natural_key` names the columns that identify a row when the file has a key of its own;
    otherwise a row is identified by its `ref`, or, without one, by its content.
    """

    name: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...] = ()
    in_mission: bool = True
    ref_identity: tuple[str, ...] = ("ref",)

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def all_columns(self) -> tuple[Column, ...]:
        """Return the columns with `ref` first when the format lists it, and `source` last."""
        names = {c.name for c in self.columns}
        ref = () if "ref" in names else (Column("ref", required=False),)
        return (*ref, *self.columns, Column("source", required=False, refers_to="source"))

    @property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.name not in ("ref", "source"))

    def unique_identity(self, ref: str) -> bool:
        """Whether two rows of one file with the same identity are a mistake rather than two records.

        Rows identified by content may repeat (two identical arrivals are two arrivals); a key may not,
        nor a ref, except in flows.csv, where rows sharing a ref are the stages of one contribution.
        """
        return bool(self.natural_key) or (bool(ref) and self.ref_identity == ("ref",))


STAGES_OF_A_CONTRIBUTION = ("ref", "stage", "date")

FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "sources",
        Source,
        (text("key"), text("title"), text("publisher", False), date("date", False), text("url", False), text("kind")),
        natural_key=("key",),
        in_mission=False,
    ),
    FileSpec(
        "missions",
        Mission,
        (text("code"), text("name"), text("host_country"), text("lead_country"), text("base_currency")),
        natural_key=("code",),
        in_mission=False,
    ),
    FileSpec(
        "organizations",
        Organization,
        (text("key"), text("name"), text("kind"), text("country", False)),
        natural_key=("key",),
        in_mission=False,
    ),
    FileSpec(
        "funds",
        Fund,
        (text("key"), text("name"), reference("manager", "organization"), text("kind")),
        natural_key=("key",),
    ),
    FileSpec(
        "fx_rates",
        FxRate,
        (date("date"), text("currency"), decimal("per_usd")),
        natural_key=("currency", "date"),
        in_mission=False,
    ),
    FileSpec(
        "mandates",
        Mandate,
        (text("authority"), date("start"), date("end"), count("authorized_strength")),
        natural_key=("authority",),
    ),
    FileSpec(
        "pledges",
        Pledge,
        (reference("contributor", "contributor"), text("category"), count("count"), date("date"), text("status")),
    ),
    FileSpec(
        "deployments",
        Deployment,
        (
            reference("contributor", "contributor"),
            text("unit"),
            text("category"),
            text("change"),
            count("count"),
            date("date"),
        ),
    ),
    FileSpec(
        "flows",
        Flow,
        (
            text("ref", False),
            reference("fund", "fund"),
            reference("donor", "organization"),
            text("stage"),
            decimal("amount"),
            text("currency"),
            date("date"),
        ),
        ref_identity=STAGES_OF_A_CONTRIBUTION,
    ),
    FileSpec(
        "expenditures",
        Expenditure,
        (reference("fund", "fund"), text("budget_line"), decimal("amount"), text("currency"), date("date")),
    ),
    FileSpec(
        "contracts",
        Contract,
        (
            reference("service_line", "service_line"),
            text("vendor"),
            reference("funder", "organization"),
            date("start"),
            date("end"),
            decimal("value"),
            text("currency"),
            count("capacity"),
        ),
    ),
    FileSpec(
        "assets",
        Asset,
        (text("kind"), reference("owner", "organization"), date("date"), count("total"), count("operational")),
    ),
    FileSpec(
        "sites",
        Site,
        (text("name"), text("kind"), decimal("latitude"), decimal("longitude")),
        natural_key=("name",),
    ),
    FileSpec(
        "site_status",
        SiteStatus,
        (reference("site", "site"), date("date"), text("status")),
    ),
    FileSpec(
        "incidents",
        Incident,
        (
            date("event_date"),
            text("event_type"),
            text("sub_event_type"),
            text("actor1"),
            text("admin1"),
            text("location"),
            decimal("latitude"),
            decimal("longitude"),
            count("fatalities"),
            text("notes", False),
        ),
    ),
)

FILES_BY_NAME = {spec.name: spec for spec in FILES}
FILES_BY_MODEL = {spec.model: spec for spec in FILES}
