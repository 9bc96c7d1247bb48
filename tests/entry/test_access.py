"""Who may open which data-entry page: each role and each kind, and records out of scope answer 404."""

import pytest
from django.test import Client
from django.urls import reverse

from msaada.forces.models import Deployment
from tests.entry.conftest import ROLES
from tests.factories import person

ALL = {
    "mandates",
    "sites",
    "site-statuses",
    "incidents",
    "contributors",
    "pledges",
    "deployments",
    "organizations",
    "funds",
    "flows",
    "fx-rates",
    "expenditures",
    "cost-models",
    "service-lines",
    "contracts",
    "assets",
    "cost-lines",
    "scenarios",
    "targets",
    "planned-flows",
    "planned-contracts",
    "sources",
    "claims",
}
# DESIGN.md's role table, written out by hand.
SEES = {
    "admin": ALL,
    "finance": ALL,
    "logistics": ALL,
    "force": ALL,
    "operations": ALL,
    "liaison": {"pledges", "deployments"},
    "donor": {"flows"},
    "observer": set(),
}
KEEPS = {
    "admin": ALL,
    # GSF shares the exchange rates, and this finance officer does not answer for GSF (scopes.SHARED_FIGURES).
    "finance": {
        "organizations",
        "funds",
        "flows",
        "expenditures",
        "cost-models",
        "cost-lines",
        "planned-flows",
        "scenarios",
        "sources",
        "claims",
    },
    "logistics": {"service-lines", "contracts", "assets", "planned-contracts", "scenarios", "sources", "claims"},
    "force": {"mandates", "pledges", "deployments", "contributors", "targets", "scenarios", "sources", "claims"},
    "operations": {"sites", "site-statuses", "incidents", "scenarios", "sources", "claims"},
    "liaison": {"pledges", "deployments"},
    "donor": {"flows"},
    "observer": set(),
}
SAMPLE = {
    "mandates": "mandate",
    "sites": "site",
    "site-statuses": "status",
    "incidents": "incident",
    "contributors": "ken",
    "pledges": "pledge",
    "deployments": "deployment",
    "organizations": "canada",
    "funds": "fund",
    "flows": "flow",
    "fx-rates": "rate",
    "expenditures": "expenditure",
    "cost-models": "cost_model",
    "cost-lines": "cost_line",
    "scenarios": "scenario",
    "targets": "target",
    "planned-flows": "planned_flow",
    "planned-contracts": "planned_contract",
    "service-lines": "line",
    "contracts": "contract",
    "assets": "asset",
    "sources": "article",
    "claims": "claim",
}
NOT_ARCHIVED = {"contributors", "service-lines"}


def status(client: Client, name: str, *args) -> int:
    return client.get(reverse(name, args=["MSS", *args])).status_code


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_exactly_the_kinds_it_may_see_and_keep(world, client_of, role):
    client = client_of(role)
    expected, found = {}, {}
    for kind, sample in SAMPLE.items():
        pk = getattr(world, sample).pk
        sees, keeps = kind in SEES[role], kind in SEES[role] and kind in KEEPS[role]
        expected[kind] = (sees, sees, keeps, keeps, keeps and kind not in NOT_ARCHIVED)
        found[kind] = (
            status(client, "record_list", kind) == 200,
            status(client, "record_detail", kind, pk) == 200,
            status(client, "record_new", kind) == 200,
            status(client, "record_edit", kind, pk) == 200,
            status(client, "record_archive", kind, pk) == 200,
        )
    assert found == expected


def test_the_index_lists_the_kinds_a_role_sees_with_their_current_counts(world, client_of):
    response = client_of("liaison").get(reverse("record_index", args=["MSS"]))
    kinds = [entity.slug for entity, _count, _keeps in response.context["kinds"]]
    counts = {entity.slug: count for entity, count, _keeps in response.context["kinds"]}
    assert kinds == ["pledges", "deployments"]
    # A Kenyan liaison counts Kenya's records of MSS only: one pledge, one deployment (not Jamaica's, not GSF's).
    assert counts == {"pledges": 1, "deployments": 1}


def test_an_observer_has_no_records_index(world, client_of):
    assert client_of("observer").get(reverse("record_index", args=["MSS"])).status_code == 404


def test_a_mission_the_user_is_not_on_answers_404(world):
    client = Client()
    client.force_login(person("force", world.gsf))
    assert client.get(reverse("record_index", args=["MSS"])).status_code == 404
    assert client.get(reverse("record_list", args=["MSS", "deployments"])).status_code == 404
    assert client.get(reverse("record_list", args=["GSF", "deployments"])).status_code == 200


def test_a_record_of_another_mission_answers_404_under_this_mission(world, client_of):
    client = client_of("admin")
    pk = world.gsf_deployment.pk
    assert client.get(reverse("record_detail", args=["MSS", "deployments", pk])).status_code == 404
    assert client.get(reverse("record_edit", args=["MSS", "deployments", pk])).status_code == 404


def test_an_unknown_kind_answers_404(world, client_of):
    assert client_of("admin").get(reverse("record_list", args=["MSS", "missions"])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(world):
    response = Client().get(reverse("record_list", args=["MSS", "deployments"]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_changes_need_post_and_a_csrf_token(world, user_of):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_of("force"))
    url = reverse("record_archive", args=["MSS", "deployments", world.deployment.pk])
    assert client.post(url).status_code == 403
    assert Deployment.objects.get(pk=world.deployment.pk).archived_at is None


def test_a_role_that_may_see_but_not_change_gets_no_edit_or_archive_buttons(world, client_of):
    url = reverse("record_detail", args=["MSS", "deployments", world.deployment.pk])
    finance_page = client_of("finance").get(url).content.decode()
    force_page = client_of("force").get(url).content.decode()
    edit = reverse("record_edit", args=["MSS", "deployments", world.deployment.pk])
    archive = reverse("record_archive", args=["MSS", "deployments", world.deployment.pk])
    assert edit not in finance_page and archive not in finance_page
    assert edit in force_page and archive in force_page


def test_a_role_that_keeps_nothing_of_a_kind_cannot_post_to_it(world, client_of):
    client = client_of("finance")
    url = reverse("record_edit", args=["MSS", "deployments", world.deployment.pk])
    response = client.post(
        url,
        {
            "unit": "Renamed",
            "contributor": world.ken.pk,
            "category": "police",
            "change": "arrival",
            "count": "1",
            "date": "2024-06-25",
        },
    )
    assert response.status_code == 404
    assert Deployment.objects.get(pk=world.deployment.pk).unit == "First contingent"
