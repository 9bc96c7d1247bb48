"""The ground and the gear for the brief: equipment, life-support capacity and incidents near the sites.

Each selector issues one query whatever the data size. The rows that come back are bounded by asset
kinds and owners, service lines, event types and sites; incidents near a site are narrowed by a
bounding box in SQL, and only those few are measured exactly (geo.nearby) by the figures.
"""

from datetime import date
from decimal import Decimal

from django.db.models import (
    BigIntegerField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)

from msaada.logistics.models import Asset
from msaada.missions.models import Incident, Mission
from msaada.readiness import geo, selectors
from msaada.readiness.citations import citations_of_record, cites_illustrative
from msaada.readiness.days import shift
from msaada.readiness.rows import (
    INCIDENT_WINDOW_DAYS,
    AssetRow,
    EventTypeCount,
    GroundRecords,
    IncidentRow,
    LineCapacity,
    Point,
)
from msaada.sources.models import Citation

COORDINATE_PLACES = Incident._meta.get_field("latitude").places


def ground_records(mission: Mission, as_of: date) -> GroundRecords:
    """Read the equipment, capacities, incidents and site points of the mission for the date."""
    sites = site_points(mission)
    return GroundRecords(
        assets=assets_as_of(mission, as_of),
        capacities=capacities_as_of(mission, as_of),
        event_types=event_types_as_of(mission, as_of),
        sites=sites,
        near=incidents_near(mission, as_of, sites),
    )


def latest_assets(mission: Mission, as_of: date) -> QuerySet[Asset]:
    """Return per asset kind and owner the latest record dated on or before the date (same date: higher pk)."""
    dated = Asset.objects.current().filter(mission=mission, date__lte=as_of)
    later = dated.filter(kind=OuterRef("kind"), owner=OuterRef("owner")).filter(
        Q(date__gt=OuterRef("date")) | Q(date=OuterRef("date"), pk__gt=OuterRef("pk"))
    )
    return dated.filter(~Exists(later))


def assets_as_of(mission: Mission, as_of: date) -> tuple[AssetRow, ...]:
    """Return the latest count per kind and owner, by kind then owner key."""
    rows = latest_assets(mission, as_of).values("kind", "owner__key", "owner__name", "total", "operational")
    found = (
        AssetRow(row["kind"], row["owner__key"], row["owner__name"], row["total"], row["operational"]) for row in rows
    )
    return tuple(sorted(found, key=lambda row: (row.kind, row.owner)))


def capacities_as_of(mission: Mission, as_of: date) -> tuple[LineCapacity, ...]:
    """Return per service line the sum of the capacities of its contracts running on the date, by name."""
    rows = (
        selectors.contracts(mission)
        .filter(start__lte=as_of, end__gte=as_of)
        .values("service_line__name")
        .annotate(capacity=Sum("capacity"))
        .order_by()
    )
    return selectors.by_code_points(LineCapacity(row["service_line__name"], row["capacity"]) for row in rows)


def window_incidents(mission: Mission, as_of: date) -> QuerySet[Incident]:
    """Return the incidents of the 30 days ending on the date (D-29 .. D)."""
    start = shift(as_of, -(INCIDENT_WINDOW_DAYS - 1))
    return Incident.objects.current().filter(mission=mission, event_date__gte=start, event_date__lte=as_of)


def event_types_as_of(mission: Mission, as_of: date) -> tuple[EventTypeCount, ...]:
    """Return the window's incidents and fatalities per event type, by event type."""
    rows = (
        window_incidents(mission, as_of)
        .values("event_type")
        .annotate(count=Count("pk"), fatalities=Sum("fatalities"))
        .order_by()
    )
    found = (EventTypeCount(row["event_type"], row["count"], row["fatalities"]) for row in rows)
    return selectors.by_code_points(found, "event_type")


def site_points(mission: Mission) -> tuple[Point, ...]:
    """Return every site of the mission with its coordinates, by name."""
    rows = selectors.sites(mission).values("name", "latitude", "longitude")
    return selectors.by_code_points(_point(row["name"], row["latitude"], row["longitude"]) for row in rows)


def _point(name: str, latitude: object, longitude: object, illustrative: bool = False) -> Point:
    # The field reads scaled integers back as decimals, which the stubs of `.values()` cannot know.
    return Point(name, Decimal(str(latitude)), Decimal(str(longitude)), illustrative)


def _units(degrees: float) -> int:
    """Return a margin in degrees as the stored scaled integer, rounded up."""
    return int(degrees * 10**COORDINATE_PLACES) + 1


def _offset(column: OuterRef, units: int) -> ExpressionWrapper:
    return ExpressionWrapper(column + Value(units), output_field=BigIntegerField())


def near_sites(mission: Mission, as_of: date, sites: tuple[Point, ...]) -> QuerySet[Incident]:
    """Return the window's incidents inside the bounding box of 2 km around some site of the mission."""
    if not sites:
        return Incident.objects.none()
    lat = _units(geo.latitude_margin())
    box = selectors.sites(mission).filter(
        latitude__gte=_offset(OuterRef("latitude"), -lat), latitude__lte=_offset(OuterRef("latitude"), lat)
    )
    # One longitude margin for every site, that of the site farthest from the equator: the widest box.
    lon_margin = geo.longitude_margin(max(abs(float(site.latitude)) for site in sites))
    wraps = lon_margin is None or any(abs(float(site.longitude)) + lon_margin > 180 for site in sites)
    if lon_margin is not None and not wraps:
        lon = _units(lon_margin)
        box = box.filter(
            longitude__gte=_offset(OuterRef("longitude"), -lon), longitude__lte=_offset(OuterRef("longitude"), lon)
        )
    return window_incidents(mission, as_of).filter(Exists(box))


def incidents_near(mission: Mission, as_of: date, sites: tuple[Point, ...]) -> tuple[Point, ...]:
    """Return the points of the window's incidents in a site's bounding box, marked when illustrative."""
    rows = (
        near_sites(mission, as_of, sites)
        .annotate(illustrative=cites_illustrative(citations_of_record(Incident, OuterRef("pk"))))
        .values("location", "latitude", "longitude", "illustrative")
    )
    return tuple(_point(row["location"], row["latitude"], row["longitude"], row["illustrative"]) for row in rows)


def incident_rows(mission: Mission, as_of: date) -> tuple[IncidentRow, ...]:
    """Return the window's incidents for the map, latest first, each with the key of its first cited source.

    One query; the rows are the 30 days' incidents, which the brief counts anyway.
    """
    cited = Citation.objects.filter(
        content_type__app_label="missions", content_type__model="incident", object_id=OuterRef("pk")
    ).order_by("source__key")
    rows = (
        window_incidents(mission, as_of)
        .annotate(source_key=Subquery(cited.values("source__key")[:1]))
        .order_by("-event_date", "pk")
        .values("event_date", "event_type", "actor1", "location", "latitude", "longitude", "fatalities", "source_key")
    )
    return tuple(
        IncidentRow(
            row["event_date"],
            row["event_type"],
            row["actor1"],
            row["location"],
            Decimal(str(row["latitude"])),
            Decimal(str(row["longitude"])),
            row["fatalities"],
            row["source_key"] or "",
        )
        for row in rows
    )
