"""A record's history page, and restores that the record's validation refuses."""

import re

from django.urls import reverse

from msaada.core.models import ImportBatch
from msaada.exchange.importer import import_records
from msaada.forces.models import Deployment
from msaada.missions.models import Site
from tests.exchange.files import BASE, snapshot, write

KEN_ARRIVAL = {"unit": "First contingent", "category": "police", "change": "arrival", "date": "2024-06-25"}


def test_the_history_shows_who_changed_which_field_from_what_to_what(world, user_of, client):
    officer = user_of("finance")
    client.force_login(officer)
    data = {
        "ref": "CAN-1",
        "fund": world.fund.pk,
        "donor": world.usa.pk,
        "stage": "pledge",
        "amount": "80,600,000",
        "currency": "CAD",
        "date": "2024-02-22",
    }
    client.post(reverse("record_edit", args=["MSS", "flows", world.flow.pk]), data)
    response = client.get(reverse("record_history", args=["MSS", "flows", world.flow.pk]))
    newest, oldest = response.context["versions"]
    assert (newest.change_type, newest.record.history_user) == ("changed", officer)
    assert [(c.label, c.old, c.new) for c in newest.changes] == [
        ("Amount", "80,500,000", "80,600,000"),
        ("Donor", "Government of Canada", "US Department of State"),
    ]
    assert oldest.change_type == "created"
    assert ("Currency", "", "CAD") in [(c.label, c.old, c.new) for c in oldest.changes]
    page = response.content.decode()
    assert officer.get_username() in page
    assert re.search(r"Amount</span>: <del>80,500,000</del> → <ins>80,600,000</ins>", page)


def test_archiving_shows_in_the_history(world, client_of):
    client = client_of("force")
    client.post(reverse("record_archive", args=["MSS", "mandates", world.mandate.pk]))
    newest = client.get(reverse("record_history", args=["MSS", "mandates", world.mandate.pk])).context["versions"][0]
    assert [(c.label, c.old) for c in newest.changes] == [("Archived at", "")]
    assert newest.changes[0].new.endswith("UTC")


def test_a_restore_that_would_break_the_strength_rule_is_refused_with_the_reason(world, client_of):
    client = client_of("force")
    edit = reverse("record_edit", args=["MSS", "deployments", world.deployment.pk])
    client.post(edit, {**KEN_ARRIVAL, "contributor": world.ken.pk, "count": "100"})
    client.post(edit, {**KEN_ARRIVAL, "contributor": world.ken.pk, "count": "200"})
    client.post(
        reverse("record_new", args=["MSS", "deployments"]),
        {
            **KEN_ARRIVAL,
            "contributor": world.ken.pk,
            "change": "departure",
            "count": "150",
            "date": "2024-07-01",
            "unit": "Rotation home",
        },
    )
    hundred = world.deployment.history.get(count=100)
    before = snapshot()
    response = client.post(
        reverse("record_restore", args=["MSS", "deployments", world.deployment.pk, hundred.history_id])
    )
    assert response.status_code == 200
    assert response.context["problems"] == ["Personnel: makes KEN's strength -50 on 2024-07-01"]
    assert snapshot() == before
    assert Deployment.objects.get(pk=world.deployment.pk).count == 200


def test_a_restore_to_a_currency_without_a_rate_any_more_is_refused(world, client_of):
    finance = client_of("finance")
    first = world.flow.history.earliest()
    finance.post(
        reverse("record_edit", args=["MSS", "flows", world.flow.pk]),
        {
            "ref": "CAN-1",
            "fund": world.fund.pk,
            "donor": world.canada.pk,
            "stage": "pledge",
            "amount": "60,000,000",
            "currency": "USD",
            "date": "2024-02-22",
        },
    )
    client_of("admin").post(reverse("record_archive", args=["MSS", "fx-rates", world.rate.pk]))
    before = snapshot()
    response = finance.post(reverse("record_restore", args=["MSS", "flows", world.flow.pk, first.history_id]))
    assert response.context["problems"] == ["Currency: no FX rate for CAD on or before 2024-02-22"]
    assert snapshot() == before


def test_only_someone_who_may_change_the_record_is_offered_a_restore(world, client_of):
    url = reverse("record_history", args=["MSS", "flows", world.flow.pk])
    assert "Restore this version" not in client_of("force").get(url).content.decode()
    client = client_of("force")
    version = world.flow.history.latest().history_id
    assert client.post(reverse("record_restore", args=["MSS", "flows", world.flow.pk, version])).status_code == 404


def test_the_history_names_the_import_batch_that_wrote_a_version(db, tmp_path, client_of):
    import_records([write(tmp_path / "r", BASE)], "MSS", reason="by clerk")
    batch = ImportBatch.objects.get()
    site = Site.objects.get()
    response = client_of("admin").get(reverse("record_history", args=["MSS", "sites", site.pk]))
    imported, made_by_hand = response.context["versions"]  # the world's site, then the import that cites it
    assert (imported.record.import_batch, made_by_hand.record.import_batch) == (batch, None)
    page = response.content.decode()
    assert f"import {batch.pk} by clerk" in page
    files = "sources.csv, missions.csv, organizations.csv, funds.csv, fx_rates.csv, sites.csv"
    assert f"import batch {batch.pk} of {files}" in page
