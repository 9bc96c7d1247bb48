"""Lists: filters, search, sorting, pages, and a bounded number of queries whatever the data size."""

import datetime as dt

import pycountry
import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msaada.entry.entities import ENTITIES, Entity
from msaada.forces.models import Deployment

LIST_URL = "/m/MSS/records/deployments/"


def listed(client, **params) -> list[str]:
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return [record.unit for record, _cells in response.context["rows"]]


def arrivals(world, count: int, start: dt.date = dt.date(2025, 1, 1)) -> None:
    Deployment.objects.bulk_create(
        Deployment(
            mission=world.mss,
            contributor=world.jam if n % 2 else world.ken,
            unit=f"Unit {n:03d}",
            category="police",
            change="arrival",
            count=n + 1,
            date=start + dt.timedelta(days=n),
            identity=f"bulk-{n}",
        )
        for n in range(count)
    )


def test_filters_narrow_the_list(world, client_of):
    client = client_of("force")
    assert listed(client, contributor=world.jam.pk) == ["Jamaica Defence Force"]
    assert listed(client, category="police") == ["First contingent"]
    assert listed(client, date_from="2024-07-01") == ["Jamaica Defence Force"]
    assert listed(client, date_to="2024-07-01") == ["First contingent"]
    assert listed(client, date_from="2024-07-01", date_to="2024-08-01") == []


def test_archived_records_are_left_out_unless_asked_for(world, client_of):
    world.jam_deployment.archive()
    client = client_of("force")
    assert listed(client) == ["First contingent"]
    assert listed(client, archived="yes") == ["Jamaica Defence Force"]
    assert sorted(listed(client, archived="all")) == ["First contingent", "Jamaica Defence Force"]


def test_search_looks_in_the_kinds_search_fields(world, client_of):
    client = client_of("force")
    assert listed(client, q="defence") == ["Jamaica Defence Force"]
    assert listed(client, q="KEN") == ["First contingent"]
    assert listed(client, q="nothing like it") == []


def test_sorting_by_a_column_header_both_ways(world, client_of):
    arrivals(world, 3)
    client = client_of("force")
    assert listed(client, sort="count") == [
        "Unit 000",
        "Unit 001",
        "Unit 002",
        "Jamaica Defence Force",
        "First contingent",
    ]
    assert listed(client, sort="-count") == [
        "First contingent",
        "Jamaica Defence Force",
        "Unit 002",
        "Unit 001",
        "Unit 000",
    ]
    assert listed(client, sort="contributor")[:2] == ["Jamaica Defence Force", "Unit 001"]


def test_only_listed_columns_sort_anything_else_keeps_the_default_order(world, client_of):
    client = client_of("force")
    default = listed(client)
    assert listed(client, sort="mission__name") == default
    assert listed(client, sort="-identity") == default
    assert default == ["First contingent", "Jamaica Defence Force"]  # by date


def test_the_header_links_keep_the_filters_and_flip_the_order(world, client_of):
    client = client_of("force")
    page = client.get(LIST_URL, {"category": "police", "sort": "count"}).content.decode()
    assert 'href="?category=police&amp;sort=-count"' in page
    assert 'aria-sort="ascending"' in page
    assert 'export.csv?category=police&amp;sort=count"' in page


def test_fifty_records_to_a_page(world, client_of):
    arrivals(world, 120)  # 122 in all
    client = client_of("force")
    assert len(listed(client)) == 50
    third = client.get(LIST_URL, {"page": 3})
    assert len(third.context["rows"]) == 22
    assert third.context["page"].paginator.num_pages == 3
    assert listed(client, page=3)[-1] == "Unit 119"


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda entity: entity.slug)
def test_a_list_page_costs_the_same_queries_for_5_rows_as_for_200(world, client_of, entity):
    client = client_of("admin")
    url = reverse("record_list", args=["MSS", entity.slug])
    first = _queries(client, url)
    before = entity.model.objects.count()
    _grow(entity, 200)
    assert entity.model.objects.count() == before + 200
    second = _queries(client, url)
    assert len(second) == len(first), "\n".join(q["sql"] for q in second)


def _queries(client, url: str) -> list[dict]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return captured.captured_queries


def _grow(entity: Entity, count: int) -> None:
    """Add `count` copies of a kind's first MSS record, each unique field given a value of its own."""
    model = entity.model
    samples = model.objects.filter(mission__code="MSS") if entity.in_mission else model.objects.all()
    sample = samples.earliest("pk")
    unique = {field.name for field in model._meta.fields if field.unique and not field.primary_key}
    unique |= {name for constraint in model._meta.constraints for name in getattr(constraint, "fields", ())}
    taken = set(model.objects.values_list(*unique)) if unique else set()
    spare_codes = (country.alpha_3 for country in pycountry.countries if (country.alpha_3,) not in taken)
    # A date in the identity (an exchange rate's) is enough to tell copies apart; else vary the texts.
    dates = [name for name in unique if isinstance(model._meta.get_field(name), models.DateField)]
    copies = []
    for n in range(count):
        copy = model.objects.get(pk=sample.pk)
        copy.pk = None
        for name in dates or unique:
            field = model._meta.get_field(name)
            value = getattr(copy, field.attname)
            if name in dates:
                setattr(copy, name, value + dt.timedelta(days=n + 1))
            elif isinstance(field, models.CharField):
                # A three-letter code (a contributor's country) cannot take a suffix.
                setattr(copy, name, next(spare_codes) if field.max_length == 3 else f"{value}-{n}")
        copies.append(copy)
    model.objects.bulk_create(copies)
