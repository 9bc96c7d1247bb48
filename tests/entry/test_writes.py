"""Create, edit, archive and restore through the pages: what lands in the database and in the history."""

import datetime as dt
from decimal import Decimal

from django.db import OperationalError
from django.urls import reverse

from msaada.exchange.formats import FILES_BY_NAME
from msaada.exchange.identity import record_row, row_identity
from msaada.finance.models import Flow
from msaada.forces.models import Deployment
from msaada.missions.models import Mandate
from msaada.sources.models import Citation

NEW_DEPLOYMENT = {
    "ref": "",
    "unit": "Second contingent",
    "category": "police",
    "change": "arrival",
    "count": "75",
    "date": "2025-01-03",
}


def test_creating_a_deployment_saves_it_in_the_mission_of_the_url_with_its_sources_and_who_did_it(
    world, user_of, client
):
    officer = user_of("force")
    client.force_login(officer)
    data = {
        **NEW_DEPLOYMENT,
        "contributor": world.jam.pk,
        "sources": [world.article.pk, world.illustrative.pk],
        "mission": world.gsf.pk,
    }
    response = client.post(reverse("record_new", args=["MSS", "deployments"]), data)
    created = Deployment.objects.get(unit="Second contingent")
    assert response.status_code == 302
    assert response.url == reverse("record_detail", args=["MSS", "deployments", created.pk])
    assert (created.mission, created.contributor, created.count, created.date) == (
        world.mss,
        world.jam,
        75,
        dt.date(2025, 1, 3),
    )
    assert sorted(
        c.source.key for c in Citation.objects.filter(object_id=created.pk, content_type__model="deployment")
    ) == ["art-1", "demo"]
    versions = list(created.history.all())
    assert [(v.history_type, v.history_user) for v in versions] == [("+", officer)]
    # The identity is the one the import gives the same row, so importing it later finds this record.
    spec = FILES_BY_NAME["deployments"]
    assert created.identity == row_identity(spec, record_row(spec, created))


def test_editing_a_flow_changes_it_and_records_the_change_with_the_user(world, user_of, client):
    officer = user_of("finance")
    client.force_login(officer)
    flow = world.flow
    data = {
        "ref": "CAN-1",
        "fund": world.fund.pk,
        "donor": world.canada.pk,
        "stage": "commitment",
        "amount": "80,600,000",
        "currency": "CAD",
        "date": "2024-02-22",
    }
    response = client.post(reverse("record_edit", args=["MSS", "flows", flow.pk]), data)
    assert response.status_code == 302
    flow.refresh_from_db()
    assert (flow.stage, flow.amount) == ("commitment", Decimal("80600000"))
    latest = flow.history.latest()
    assert (latest.history_type, latest.history_user) == ("~", officer)
    changed = latest.diff_against(latest.prev_record)
    assert sorted(change.field for change in changed.changes) == ["amount", "stage"]


def test_unticking_a_source_removes_only_that_citation(world, user_of, client):
    client.force_login(user_of("force"))
    deployment = world.deployment
    data = {
        **NEW_DEPLOYMENT,
        "unit": "First contingent",
        "count": "200",
        "date": "2024-06-25",
        "contributor": world.ken.pk,
        "sources": [world.illustrative.pk],
    }
    client.post(reverse("record_edit", args=["MSS", "deployments", deployment.pk]), data)
    cited = Citation.objects.filter(object_id=deployment.pk, content_type__model="deployment")
    assert [c.source.key for c in cited] == ["demo"]


def test_archiving_keeps_the_record_listed_under_archived_and_records_who(world, user_of, client):
    officer = user_of("force")
    client.force_login(officer)
    url = reverse("record_archive", args=["MSS", "mandates", world.mandate.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and Mandate.objects.get(pk=world.mandate.pk).archived_at is None
    response = client.post(url)
    assert response.status_code == 302
    mandate = Mandate.objects.get(pk=world.mandate.pk)
    assert mandate.archived_at is not None
    assert mandate.history.latest().history_user == officer
    listed = client.get(reverse("record_list", args=["MSS", "mandates"]))
    archived = client.get(reverse("record_list", args=["MSS", "mandates"]), {"archived": "yes"})
    assert [record.pk for record, _cells in listed.context["rows"]] == []
    assert [record.pk for record, _cells in archived.context["rows"]] == [mandate.pk]


def test_an_archived_record_is_restored_from_its_history(world, user_of, client):
    officer = user_of("force")
    client.force_login(officer)
    client.post(reverse("record_archive", args=["MSS", "mandates", world.mandate.pk]))
    detail = client.get(reverse("record_detail", args=["MSS", "mandates", world.mandate.pk]))
    restore_id = detail.context["restore_id"]
    response = client.post(reverse("record_restore", args=["MSS", "mandates", world.mandate.pk, restore_id]))
    assert response.status_code == 302
    mandate = Mandate.objects.get(pk=world.mandate.pk)
    assert mandate.archived_at is None
    assert [v.history_type for v in mandate.history.all()] == ["~", "~", "+"]


def test_restoring_a_version_brings_back_its_values_as_a_new_version(world, user_of, client):
    finance, other = user_of("finance"), user_of("finance")
    client.force_login(finance)
    flow = world.flow
    first = flow.history.earliest()
    data = {
        "ref": "CAN-1",
        "fund": world.fund.pk,
        "donor": world.canada.pk,
        "stage": "paid",
        "amount": "1000",
        "currency": "USD",
        "date": "2024-03-01",
    }
    client.post(reverse("record_edit", args=["MSS", "flows", flow.pk]), data)
    client.force_login(other)
    url = reverse("record_restore", args=["MSS", "flows", flow.pk, first.history_id])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    flow = Flow.objects.get(pk=flow.pk)
    assert (flow.stage, flow.amount, flow.currency, flow.date) == (
        "pledge",
        Decimal("80500000"),
        "CAD",
        dt.date(2024, 2, 22),
    )
    assert [(v.history_type, v.history_user) for v in flow.history.all()] == [("~", other), ("~", finance), ("+", None)]


def test_a_form_sent_while_an_import_holds_the_database_gets_a_page_saying_so_not_a_500(world, client_of, monkeypatch):
    def locked(**kwargs) -> None:
        # What SQLite answers a write that waited out the busy timeout while an import held the write lock.
        raise OperationalError("database is locked")

    monkeypatch.setattr("msaada.entry.views.records.record_save", locked)
    data = {"unit": "First contingent", "category": "police", "change": "arrival", "count": "10", "date": "2024-06-25"}
    data["contributor"] = world.ken.pk
    response = client_of("force").post(reverse("record_new", args=["MSS", "deployments"]), data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "<h1>An import is running</h1>" in page
    assert "nothing was saved. Try again in a minute." in page
