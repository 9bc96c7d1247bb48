"""Each bad input is refused by every way in, with the same message, and nothing is written (issue 10)."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from msaada.core.services import record_save
from msaada.entry.entities import BY_SLUG
from msaada.forces.models import Deployment
from tests.core.admin_posts import NO_CITATIONS, admin_url
from tests.entry.conftest import World
from tests.exchange.files import problems_of, snapshot

ROLE = {
    "flows": "finance", "mandates": "force", "assets": "logistics", "organizations": "finance", "deployments": "force"
}  # fmt: skip
GOOD = {
    "flows": {"ref": "EU-1", "fund": "fund", "donor": "canada", "stage": "pledge", "amount": "1000000",
              "currency": "USD", "date": "2024-03-01"},
    "mandates": {"authority": "S/RES/2751 (2024)", "start": "2024-10-02", "end": "2025-10-02",
                 "authorized_strength": "2500"},
    "assets": {"kind": "Helicopter", "owner": "usa", "date": "2024-08-01", "total": "4", "operational": "2"},
    "organizations": {"key": "eu", "name": "European Union", "kind": "multilateral", "country": ""},
    "deployments": {"contributor": "ken", "unit": "Second contingent", "category": "police", "change": "arrival",
                    "count": "75", "date": "2025-01-03"},
}  # fmt: skip
REFERENCES = {"fund", "donor", "owner", "contributor"}  # named by the world's record, by key in a file


@dataclass(frozen=True)
class Bad:
    kind: str
    changes: dict[str, str]
    field: str
    message: str
    form_message: str | None = None  # a form's own choice list speaks before the model does
    ways: tuple[str, ...] = ("import", "form add", "form change", "admin add", "admin change")


CHOICE = "Select a valid choice. leave is not one of the available choices."
BAD = {
    "negative amount": Bad("flows", {"amount": "-1"}, "amount", "must not be negative"),
    "end before start": Bad("mandates", {"end": "2024-01-01"}, "end", "end 2024-01-01 is before start 2024-10-02"),
    "operational above total": Bad("assets", {"operational": "5"}, "operational",
                                   "5 operational is above the total of 4"),
    "unknown currency": Bad("flows", {"currency": "XYZ"}, "currency", "unknown currency code (ISO 4217, e.g. USD)"),
    "unknown country": Bad("organizations", {"country": "ZZZ"}, "country",
                           "unknown country code (ISO 3166 alpha-3, e.g. KEN)"),
    "bad enumerated value": Bad("deployments", {"change": "leave"}, "change", "not one of arrival, departure", CHOICE),
    "missing FX rate": Bad("flows", {"currency": "EUR"}, "currency", "no FX rate for EUR on or before 2024-03-01"),
    "departure below zero": Bad("deployments", {"change": "departure", "count": "250", "date": "2024-07-01"}, "count",
                                "makes KEN's strength -50 on 2024-07-01"),
}  # fmt: skip
CASES = [pytest.param(bad, way, id=f"{name}-{way}") for name, bad in BAD.items() for way in bad.ways]


def form_data(world: World, kind: str, changes: dict[str, str]) -> dict[str, object]:
    values = {**GOOD[kind], **changes}
    return {name: getattr(world, value).pk if name in REFERENCES else value for name, value in values.items()}


def file_of(world: World, kind: str, changes: dict[str, str], folder: Path) -> Path:
    values = {**GOOD[kind], **changes}
    for name in REFERENCES & values.keys():
        record = getattr(world, values[name])
        values[name] = getattr(record, "key", None) or record.code
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(values))
    writer.writeheader()
    writer.writerow(values)
    folder.mkdir()
    path = folder / f"{BY_SLUG[kind].spec.name}.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def good_record(world: World, kind: str):
    """Save a sound record of the kind, through the write service, for a change to make bad."""
    model = BY_SLUG[kind].model
    values = {name: getattr(world, value) if name in REFERENCES else value for name, value in GOOD[kind].items()}
    if any(f.name == "mission" for f in model._meta.fields):
        values["mission"] = world.mss
    record = model(**values)
    record_save(actor=None, record=record, mission=world.mss)
    return record


def refused(bad: Bad, way: str, record, world: World, client_of, admin_client, tmp_path: Path) -> list[str]:
    """Send the bad input through one way in; return the messages it answered for the field."""
    model = BY_SLUG[bad.kind].model
    if way == "import":
        path = file_of(world, bad.kind, bad.changes, tmp_path / "files")
        prefix = f"{path.name}:2: {bad.field}: "
        return [line.removeprefix(prefix).split(' "')[0] for line in problems_of([path]) if line.startswith(prefix)]
    data = form_data(world, bad.kind, bad.changes)
    if way.startswith("form"):
        args = ["MSS", bad.kind, *([record.pk] if record else [])]
        response = client_of(ROLE[bad.kind]).post(reverse("record_edit" if record else "record_new", args=args), data)
        form = response.context["form"]
    else:
        url = admin_url(model, "change", record.pk) if record else admin_url(model, "add")
        if any(f.name == "mission" for f in model._meta.fields):
            data["mission"] = world.mss.pk
        response = admin_client.post(url, {"ref": "", **data, **NO_CITATIONS})
        form = response.context["adminform"].form
    assert response.status_code == 200
    return form.errors.get(bad.field, [])


@pytest.mark.parametrize(("bad", "way"), CASES)
def test_every_way_in_refuses_a_bad_input_with_the_same_message(bad, way, world, client_of, admin_client, tmp_path):
    record = good_record(world, bad.kind) if way.endswith("change") else None  # written before the snapshot
    before = snapshot()
    messages = refused(bad, way, record, world, client_of, admin_client, tmp_path)
    expected = bad.form_message if bad.form_message and way != "import" else bad.message
    assert expected in messages
    assert snapshot() == before


def archive_refused(way: str, world: World, client_of, admin_client) -> list[str]:
    """Archive Kenya's arrival, which a later departure needs, through one way in; return what it answered."""
    arrival = world.deployment
    if way == "form archive":
        response = client_of("force").post(reverse("record_archive", args=["MSS", "deployments", arrival.pk]))
        assert response.status_code == 200
        return response.context["problems"]
    response = admin_client.post(
        admin_url(Deployment, "changelist"), {"action": "archive", "_selected_action": [arrival.pk]}, follow=True
    )
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("way", ["form archive", "admin archive action"])
def test_every_way_in_refuses_an_archive_that_leaves_a_strength_negative(way, world, client_of, admin_client):
    Deployment.objects.create(
        mission=world.mss, contributor=world.ken, unit="Home", category="police", change="departure", count=150,
        date="2024-07-01",
    )  # fmt: skip
    before = snapshot()
    answered = archive_refused(way, world, client_of, admin_client)
    assert any("makes KEN's strength -150 on 2024-07-01" in message for message in answered)
    assert snapshot() == before


def restore_refused(way: str, version, world: World, client_of, admin_client) -> list[str]:
    """Restore a version of Kenya's arrival through one way in; return what it answered."""
    pk = world.deployment.pk
    if way == "form restore":
        url = reverse("record_restore", args=["MSS", "deployments", pk, version.history_id])
        response = client_of("force").post(url)
        assert response.status_code == 200
        return response.context["problems"]
    url = admin_url(Deployment, "simple_history", pk, version.history_id)
    values = {name: getattr(version, name) for name in ("unit", "category", "change", "count", "date", "ref")}
    data = {**values, "contributor": world.ken.pk, "mission": world.mss.pk, **NO_CITATIONS}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    return response.context["adminform"].form.errors["count"]


@pytest.mark.parametrize("way", ["form restore", "admin history revert"])
def test_every_way_in_refuses_a_restore_that_breaks_a_rule(way, world, client_of, admin_client):
    arrival = world.deployment
    arrival.count = 100
    record_save(actor=None, record=arrival, mission=world.mss)
    arrival.count = 200
    record_save(actor=None, record=arrival, mission=world.mss)
    departure = Deployment(
        mission=world.mss, contributor=world.ken, unit="Home", category="police", change="departure", count=150,
        date="2024-07-01",
    )  # fmt: skip
    record_save(actor=None, record=departure, mission=world.mss)
    hundred = arrival.history.get(count=100)
    before = snapshot()
    answered = restore_refused(way, hundred, world, client_of, admin_client)
    assert any(message.endswith("makes KEN's strength -50 on 2024-07-01") for message in answered)
    assert snapshot() == before
    arrival.refresh_from_db()
    assert arrival.count == 200
