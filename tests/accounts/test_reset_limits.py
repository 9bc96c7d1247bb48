"""Reset e-mails are limited per address and per client address, so the form cannot be used to flood a mailbox."""

import pytest
from django.core import mail
from django.urls import reverse

from msaada.accounts.views import RESETS_PER_HOUR

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many new passwords were asked for from here or for this address; try again in an hour."


def ask(client, address: str, ip: str = "10.0.0.1"):
    return client.post(reverse("password_reset"), {"email": address}, REMOTE_ADDR=ip)


def test_one_address_gets_five_reset_emails_an_hour_then_a_clear_refusal(client, officer):
    for _ in range(RESETS_PER_HOUR["address"]):
        assert ask(client, "amina@example.org").status_code == 302
    refused = ask(client, "Amina@Example.org", ip="10.0.0.2")
    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert len(mail.outbox) == 5


def test_one_client_address_may_ask_twenty_times_whatever_the_addresses(client, officer):
    for number in range(RESETS_PER_HOUR["ip"]):
        assert ask(client, f"someone-{number}@example.org").status_code == 302
    assert ask(client, "amina@example.org").status_code == 429
    assert ask(client, "amina@example.org", ip="10.0.0.9").status_code == 302
    assert len(mail.outbox) == 1
