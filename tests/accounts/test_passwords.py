"""Changing a password, and setting a new one through the link a reset e-mail carries."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

NEW = "a fresh passphrase for the field office"


def logs_in(username: str, password: str) -> bool:
    response = Client().post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def test_password_change_takes_the_old_one_and_the_new_one_twice(client, officer, password):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": NEW,
            "new_password2": NEW,
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("password_change_done"), 302)]
    assert "Password changed" in response.content.decode()
    assert logs_in("amina", NEW)
    assert not logs_in("amina", password)


def test_password_change_refuses_a_wrong_old_password_and_keeps_the_old_one(client, officer, password):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "not-it",
            "new_password1": NEW,
            "new_password2": NEW,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert logs_in("amina", password)


def test_password_change_needs_a_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def reset_link(client: Client, address: str) -> str:
    """Ask for a reset e-mail and return the path of the link it carries."""
    response = client.post(reverse("password_reset"), {"email": address})
    assert response.url == reverse("password_reset_done")
    (message,) = mail.outbox
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_reset_sends_one_email_whose_link_sets_a_new_password(client, officer, password):
    path = reset_link(client, "amina@example.org")
    assert mail.outbox[0].to == ["amina@example.org"]
    assert mail.outbox[0].subject == "Set a new Msaada password"
    form_page = client.get(path, follow=True)
    assert b'name="new_password1"' in form_page.content
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert done.redirect_chain == [(reverse("password_reset_complete"), 302)]
    assert logs_in("amina", NEW)
    assert not logs_in("amina", password)


def test_reset_link_works_once(client, officer):
    path = reset_link(client, "amina@example.org")
    set_password = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(set_password, {"new_password1": NEW, "new_password2": NEW})
    again = Client().get(path, follow=True)
    assert again.context["validlink"] is False
    assert "This link does not work any more" in again.content.decode()


def test_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, officer):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []
