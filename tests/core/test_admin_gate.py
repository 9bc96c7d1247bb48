"""The Django admin refuses what the import and the forms refuse: the same rules, through the same gate."""

from django.contrib.messages import get_messages

from msaada.finance.models import Flow
from msaada.forces.models import Deployment
from tests.core.admin_posts import admin_data, admin_url
from tests.exchange.files import snapshot
from tests.factories import contributor, deploy, fund, mission, organization, person
from tests.readiness.briefs import brief


def test_the_admin_refuses_a_departure_larger_than_the_strength_next_to_the_count(admin_client):
    mss = mission()
    deploy(mss, "KEN", 10, "2024-01-01")
    departure = Deployment(
        mission=mss, contributor=contributor("KEN"), unit="Rotation", category="police", change="departure", count=50
    )
    before = snapshot()
    response = admin_client.post(admin_url(Deployment, "add"), admin_data(departure, date="2024-02-01"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"count": ["makes KEN's strength -40 on 2024-02-01"]}
    assert snapshot() == before


def test_the_admin_archive_action_keeps_an_arrival_a_later_departure_needs(admin_client):
    mss = mission()
    arrival = deploy(mss, "KEN", 10, "2024-01-01")
    spare = deploy(mss, "JAM", 5, "2024-01-01")
    deploy(mss, "KEN", 10, "2024-02-01", change="departure")
    before = snapshot()
    response = admin_client.post(
        admin_url(Deployment, "changelist"),
        {"action": "archive", "_selected_action": [arrival.pk]},
        follow=True,
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Not archived: {arrival} (makes KEN's strength -10 on 2024-02-01)",
        "0 archived.",
    ]
    assert snapshot() == before
    arrival.refresh_from_db()
    assert arrival.archived_at is None
    admin_client.post(admin_url(Deployment, "changelist"), {"action": "archive", "_selected_action": [spare.pk]})
    spare.refresh_from_db()
    assert spare.archived_at is not None  # a record no rule needs is archived as before


def test_the_admin_refuses_a_flow_without_a_rate_and_the_brief_still_computes(admin_client):
    mss = mission()
    eur = Flow(mission=mss, fund=fund(mss), donor=organization("eu"), stage="paid", amount="1000", currency="EUR")
    before = snapshot()
    response = admin_client.post(admin_url(Flow, "add"), admin_data(eur, date="2024-03-01"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"currency": ["no FX rate for EUR on or before 2024-03-01"]}
    assert snapshot() == before
    assert brief(mss, "2024-06-01")["funding"]["paid"] == "0.00"  # computed: no MissingRateError


def test_the_admin_refuses_a_write_outside_the_users_scope_next_to_the_form(db, client):
    mss = mission()
    user = person("finance", mss)
    user.is_staff = user.is_superuser = True  # Django's own permissions let it in; the role's scope does not
    user.save()
    client.force_login(user)
    arrival = Deployment(mission=mss, contributor=contributor("KEN"), unit="First", category="police", change="arrival")
    before = snapshot()
    response = client.post(admin_url(Deployment, "add"), admin_data(arrival, count=10, date="2024-02-01"))
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This change would put the record outside what you may change."
    ]
    assert snapshot() == before
