"""Logging in and out through the pages, a wrong password, and django-axes locking a username at an address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def log_in(client: Client, username: str, password: str, address: str = "127.0.0.1", **fields):
    return client.post(LOGIN, {"username": username, "password": password, **fields}, REMOTE_ADDR=address)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_login_page_has_labelled_fields_and_a_way_to_reset_the_password(client):
    page = client.get(LOGIN, {"next": "/accounts/"})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'name="next" value="/accounts/"' in html
    assert reverse("password_reset") in html


def test_right_password_logs_in_and_goes_home(client, officer, password):
    response = log_in(client, "amina", password)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert signed_in(client)


def test_login_goes_on_to_the_page_asked_for_but_never_to_another_site(client, officer, password):
    assert log_in(Client(), "amina", password, next="/accounts/").url == "/accounts/"
    assert log_in(client, "amina", password, next="https://evil.example.org/").url == reverse("home")


def test_wrong_password_says_so_and_does_not_log_in(client, officer):
    response = log_in(client, "amina", "not-the-password")
    html = response.content.decode()
    assert response.status_code == 200
    alert = html[html.index('<div role="alert">') :]
    assert alert.index("Please enter a correct username and password") < alert.index("</div>")
    assert not signed_in(client)


def test_logout_is_a_post_that_goes_to_the_login_page_and_says_so(client, officer):
    client.force_login(officer)
    assert client.get(reverse("logout")).status_code == 405
    assert signed_in(client)
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain == [(LOGIN, 302)]
    assert "You are logged out." in response.content.decode()
    assert not signed_in(client)


def fail(client: Client, times: int, address: str = "127.0.0.1") -> list[int]:
    return [log_in(client, "amina", "wrong-password", address).status_code for _ in range(times)]


def test_too_many_failures_lock_the_username_at_that_address(client, officer, password):
    limit = settings.AXES_FAILURE_LIMIT
    assert fail(client, limit) == [200] * (limit - 1) + [429]
    locked = log_in(client, "amina", password)
    assert locked.status_code == 429
    assert "Account locked" in locked.content.decode()
    assert "You can try again in" in locked.content.decode()
    assert not signed_in(client)


def test_a_lock_keeps_out_only_that_address_so_a_shared_office_is_not_locked_out(client, officer, password):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "amina", password, address="10.0.0.9").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, officer, password):
    fail(client, settings.AXES_FAILURE_LIMIT)
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= cool_off + timedelta(minutes=1)
        attempt.save()
    assert log_in(client, "amina", password).status_code == 302


def test_an_administrator_can_lift_the_lock(client, officer, password):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "amina", password).status_code == 429
    reset(username="amina")
    assert log_in(client, "amina", password).status_code == 302
