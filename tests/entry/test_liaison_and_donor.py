"""A liaison keeps its own country's pledges and deployments, a donor its own organization's flows: nothing else."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from msaada.finance.models import Flow
from msaada.forces.models import Contributor, Deployment, Pledge
from tests.exchange.files import snapshot
from tests.factories import person

DEPLOYMENT = {
    "unit": "First contingent (renamed)",
    "category": "police",
    "change": "arrival",
    "count": "210",
    "date": "2024-06-25",
}


def test_a_liaison_edits_its_own_countrys_deployment(world, user_of, client):
    liaison = user_of("liaison")
    client.force_login(liaison)
    url = reverse("record_edit", args=["MSS", "deployments", world.deployment.pk])
    assert "Kenya (KEN)" in client.get(url).content.decode()
    response = client.post(url, {**DEPLOYMENT, "contributor": world.jam.pk, "sources": [world.article.pk]})
    assert response.status_code == 302
    deployment = Deployment.objects.get(pk=world.deployment.pk)
    assert (deployment.unit, deployment.count, deployment.contributor) == ("First contingent (renamed)", 210, world.ken)
    assert deployment.history.latest().history_user == liaison


def test_another_countrys_deployment_is_not_found_and_stays_as_it_was(world, client_of):
    client = client_of("liaison")
    before = snapshot()
    pk = world.jam_deployment.pk
    assert client.get(reverse("record_detail", args=["MSS", "deployments", pk])).status_code == 404
    assert (
        client.post(
            reverse("record_edit", args=["MSS", "deployments", pk]), {**DEPLOYMENT, "contributor": world.jam.pk}
        ).status_code
        == 404
    )
    assert client.post(reverse("record_archive", args=["MSS", "deployments", pk])).status_code == 404
    version = world.jam_deployment.history.latest().history_id
    assert client.post(reverse("record_restore", args=["MSS", "deployments", pk, version])).status_code == 404
    assert snapshot() == before


def test_another_countrys_rows_are_not_listed_at_all(world, client_of):
    page = client_of("liaison").get(reverse("record_list", args=["MSS", "deployments"])).content.decode()
    assert "First contingent" in page
    assert "Jamaica" not in page
    assert reverse("record_detail", args=["MSS", "deployments", world.jam_deployment.pk]) not in page


def test_a_liaison_records_for_its_own_country_whatever_the_form_says(world, client_of):
    client = client_of("liaison")
    data = {
        "category": "police",
        "count": "400",
        "date": "2024-01-01",
        "status": "confirmed",
        "contributor": world.jam.pk,
        "sources": [world.article.pk],
    }
    assert client.post(reverse("record_new", args=["MSS", "pledges"]), data).status_code == 302
    assert Pledge.objects.get(count=400).contributor == world.ken


def test_a_liaison_whose_country_has_no_record_yet_makes_it_on_first_use(world):
    client = Client()
    client.force_login(person("liaison", world.mss, country="BHS"))
    data = {"category": "military", "count": "150", "date": "2024-05-01", "status": "pledged"}
    data["sources"] = [world.article.pk]
    assert client.post(reverse("record_new", args=["MSS", "pledges"]), data).status_code == 302
    assert Pledge.objects.get(count=150).contributor == Contributor.objects.get(code="BHS")


def test_a_donor_records_its_own_flows_into_its_missions_funds(world, user_of, client):
    donor = user_of("donor")
    client.force_login(donor)
    form_page = client.get(reverse("record_new", args=["MSS", "flows"]))
    assert list(form_page.context["form"].fields["fund"].queryset) == [world.fund]
    data = {
        "ref": "CAN-2",
        "fund": world.fund.pk,
        "donor": world.usa.pk,
        "stage": "paid",
        "amount": "5,700,000",
        "currency": "CAD",
        "date": "2024-06-26",
        "sources": [world.article.pk],
    }
    assert client.post(reverse("record_new", args=["MSS", "flows"]), data).status_code == 302
    flow = Flow.objects.get(ref="CAN-2")
    assert (flow.donor, flow.amount, flow.mission) == (world.canada, Decimal("5700000"), world.mss)


def test_a_donor_cannot_reach_another_organizations_flow(world, client_of):
    client = client_of("donor")
    page = client.get(reverse("record_list", args=["MSS", "flows"])).content.decode()
    assert "CAN-1" in page and "USA-1" not in page
    assert client.get(reverse("record_edit", args=["MSS", "flows", world.usa_flow.pk])).status_code == 404
