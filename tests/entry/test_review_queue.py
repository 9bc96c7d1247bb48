"""The review queue: force and finance officers of the mission confirm or reject what liaisons and donors report."""

from django.test import Client
from django.urls import reverse

from msaada.finance.models import Flow
from msaada.forces.models import Deployment
from tests.factories import person

ARRIVAL = {"unit": "Second contingent", "category": "police", "change": "arrival", "count": "40", "date": "2024-07-01"}


def reported_arrival(world, client_of) -> Deployment:
    client = client_of("liaison")
    response = client.post(
        reverse("record_new", args=["MSS", "deployments"]), {**ARRIVAL, "sources": [world.article.pk]}
    )
    assert response.status_code == 302
    return Deployment.objects.get(unit="Second contingent")


def decide(client: Client, record, decision: str, note: str = "checked", kind: str = "deployments", code: str = "MSS"):
    url = reverse("review_decide", args=[code, kind, record.pk])
    return client.post(url, {"decision": decision, "note": note})


def test_a_liaisons_form_without_a_source_is_refused(world, client_of):
    page = client_of("liaison").post(reverse("record_new", args=["MSS", "deployments"]), ARRIVAL)
    assert page.status_code == 200
    assert "sources" in page.context["form"].errors
    assert not Deployment.objects.filter(unit="Second contingent").exists()


def test_a_donors_form_without_a_source_is_refused(world, client_of):
    data = {"fund": world.fund.pk, "stage": "paid", "amount": "100", "currency": "USD", "date": "2024-06-26"}
    page = client_of("donor").post(reverse("record_new", args=["MSS", "flows"]), data)
    assert "sources" in page.context["form"].errors
    assert not Flow.objects.filter(amount=100).exists()


def test_a_force_officer_sees_the_queue_with_its_count_and_confirms_with_a_note(world, client_of):
    record = reported_arrival(world, client_of)
    officer = client_of("force")
    dashboard = officer.get(reverse("dashboard", args=["MSS"])).content.decode()
    assert "Review (1)" in dashboard
    queue = officer.get(reverse("review_queue", args=["MSS"])).content.decode()
    assert reverse("record_detail", args=["MSS", "deployments", record.pk]) in queue and "1 record waits." in queue
    assert decide(officer, record, "confirm", "seen on the manifest").status_code == 302
    record.refresh_from_db()
    assert (record.review_state, record.review_note) == ("confirmed", "seen on the manifest")
    assert "Review (0)" in officer.get(reverse("dashboard", args=["MSS"])).content.decode()


def test_a_decision_without_a_note_changes_nothing(world, client_of):
    record = reported_arrival(world, client_of)
    decide(client_of("force"), record, "confirm", note="  ")
    record.refresh_from_db()
    assert record.review_state == "reported"


def test_who_may_not_review_gets_not_found(world, client_of):
    record = reported_arrival(world, client_of)
    for role in ("liaison", "donor", "observer", "logistics", "operations", "finance"):
        assert decide(client_of(role), record, "confirm").status_code == 404, role
    for role in ("liaison", "donor", "observer", "logistics", "operations"):
        assert client_of(role).get(reverse("review_queue", args=["MSS"])).status_code == 404, role
    record.refresh_from_db()
    assert record.review_state == "reported"


def test_a_force_officer_of_another_mission_gets_not_found(world, client_of):
    record = reported_arrival(world, client_of)
    elsewhere = Client()
    elsewhere.force_login(person("force", world.gsf))
    assert elsewhere.get(reverse("review_queue", args=["MSS"])).status_code == 404
    assert decide(elsewhere, record, "confirm").status_code == 404
    assert decide(elsewhere, record, "confirm", code="GSF").status_code == 404  # its own mission: no such record
    record.refresh_from_db()
    assert record.review_state == "reported"


def test_a_finance_officer_reviews_a_donors_flow(world, client_of):
    donor = client_of("donor")
    data = {
        "ref": "CAN-9",
        "fund": world.fund.pk,
        "stage": "paid",
        "amount": "100",
        "currency": "USD",
        "date": "2024-06-26",
        "sources": [world.article.pk],
    }
    assert donor.post(reverse("record_new", args=["MSS", "flows"]), data).status_code == 302
    flow = Flow.objects.get(ref="CAN-9")
    assert flow.review_state == "reported"
    assert decide(client_of("force"), flow, "confirm", kind="flows").status_code == 404
    assert decide(client_of("finance"), flow, "reject", "no such transfer", kind="flows").status_code == 302
    flow.refresh_from_db()
    assert flow.review_state == "rejected"


def test_a_rejected_record_shows_as_rejected_to_the_liaison_who_reported_it(world, user_of):
    liaison = Client()
    liaison.force_login(user_of("liaison"))
    liaison.post(reverse("record_new", args=["MSS", "deployments"]), {**ARRIVAL, "sources": [world.article.pk]})
    record = Deployment.objects.get(unit="Second contingent")
    officer = Client()
    officer.force_login(user_of("force"))
    decide(officer, record, "reject", "no such flight on that date")
    page = liaison.get(reverse("record_detail", args=["MSS", "deployments", record.pk])).content.decode()
    assert "Rejected by" in page and "no such flight on that date" in page
    listed = liaison.get(reverse("record_list", args=["MSS", "deployments"])).content.decode()
    assert ">rejected</span>" in listed
