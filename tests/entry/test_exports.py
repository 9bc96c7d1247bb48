"""Exports of a filtered list, in the import format, so that a file exported imports back as the same records."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
from django.core.management import call_command
from django.urls import reverse

from msaada.exchange.importer import import_records
from msaada.finance.models import Flow, Fund
from msaada.forces.models import Deployment
from msaada.missions.models import Mission


def download(client, kind: str, extension: str, **params) -> bytes:
    response = client.get(reverse(f"record_export_{extension}", args=["MSS", kind]), params)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def new_mission() -> Mission:
    return Mission.objects.create(code="NEW", name="A new mission", host_country="HTI", lead_country="KEN")


def deployments_of(mission: Mission) -> list[tuple]:
    return sorted(
        (
            d.contributor.code,
            d.unit,
            d.category,
            d.change,
            d.count,
            d.date,
            d.ref,
            tuple(sorted(c.source.key for c in d.citations.all())),
        )
        for d in Deployment.objects.filter(mission=mission)
    )


def test_a_filtered_csv_export_imports_into_another_mission_as_the_same_records(world, client_of, tmp_path: Path):
    client = client_of("force")
    content = download(client, "deployments", "csv", contributor=world.ken.pk)
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert rows[0] == ["ref", "contributor", "unit", "category", "change", "count", "date", "source"]
    assert rows[1:] == [["", "KEN", "First contingent", "police", "arrival", "200", "2024-06-25", "art-1"]]
    (tmp_path / "deployments.csv").write_bytes(content)
    fresh = new_mission()
    call_command("import", str(tmp_path / "deployments.csv"), "--mission", "NEW", verbosity=0)
    assert deployments_of(fresh) == [
        ("KEN", "First contingent", "police", "arrival", 200, world.deployment.date, "", ("art-1",))
    ]


def test_a_filtered_xlsx_export_imports_back_with_exact_amounts(world, client_of, tmp_path: Path):
    client = client_of("finance")
    content = download(client, "flows", "xlsx", stage="pledge")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.title == "flows"
    assert [cell.value for cell in sheet[1]] == [
        "ref",
        "fund",
        "donor",
        "stage",
        "amount",
        "currency",
        "date",
        "source",
    ]
    assert sheet.max_row == 2
    (tmp_path / "flows.xlsx").write_bytes(content)
    fresh = new_mission()
    Fund.objects.create(mission=fresh, key="mss-tf", name="Trust fund", manager=world.un, kind="trust_fund")
    call_command("import", str(tmp_path / "flows.xlsx"), "--mission", "NEW", verbosity=0)
    imported = Flow.objects.get(mission=fresh)
    assert (imported.ref, imported.donor, imported.stage, imported.amount, imported.currency, imported.date) == (
        "CAN-1",
        world.canada,
        "pledge",
        Decimal("80500000"),
        "CAD",
        world.flow.date,
    )


def test_importing_an_export_into_the_same_mission_changes_nothing(world, client_of, tmp_path: Path):
    client = client_of("admin")
    for kind, name in (("fx-rates", "fx_rates"), ("deployments", "deployments"), ("sites", "sites")):
        (tmp_path / f"{name}.csv").write_bytes(download(client, kind, "csv"))
    outcomes = {o.label: (o.created, o.updated, o.unchanged) for o in import_records([tmp_path], "MSS")}
    assert outcomes == {"fx_rates.csv": (0, 0, 1), "sites.csv": (0, 0, 1), "deployments.csv": (0, 0, 2)}


def test_a_kind_without_an_import_file_exports_its_list_columns(world, client_of):
    content = download(client_of("logistics"), "service-lines", "csv")
    assert list(csv.reader(io.StringIO(content.decode()))) == [["name"], ["Rations"]]


def test_an_export_holds_only_what_the_user_may_see(world, client_of):
    content = download(client_of("liaison"), "deployments", "csv")
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert [row[1] for row in rows[1:]] == ["KEN"]
    assert client_of("liaison").get(reverse("record_export_csv", args=["MSS", "flows"])).status_code == 404
