"""Tokens made, listed and revoked on the account page and kept hashed; the session writes only with its CSRF token."""

import re

import pytest
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from msaada import settings as project_settings
from msaada.accounts.models import Role
from msaada.forces.models import Pledge

pytestmark = pytest.mark.django_db

PLEDGE = {"mission": "MSS", "contributor": "KEN", "category": "police", "count": 5, "date": "2024-03-01"}


def made_token(client: Client) -> str:
    page = client.post("/accounts/tokens/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    return re.search(r'<code class="token">(msaada_[0-9a-f]+)</code>', page.content.decode()).group(1)


def test_a_token_is_shown_once_kept_hashed_listed_and_revoked(world, user_of):
    user = user_of(Role.FORCE)
    pages = Client()
    pages.force_login(user)
    text = made_token(pages)
    stored = AuthToken.objects.get(user=user)
    assert text not in (stored.digest, stored.token_key) and text.startswith(stored.token_key)
    assert len(stored.digest) == 128  # a SHA-512 in hexadecimal, not the token
    listing = pages.get("/accounts/").content.decode()
    assert f"<code>{stored.token_key}…</code>" in listing and text not in listing

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    assert api.get("/api/v1/pledges").status_code == 200
    answer = api.post("/api/v1/pledges", {**PLEDGE, "status": "pledged"}, format="json")  # no CSRF with a token
    assert answer.status_code == 201, answer.content
    assert Pledge.objects.get(pk=answer.json()["id"]).history.latest().history_user == user

    assert pages.post(f"/accounts/tokens/{stored.token_key}/revoke/").status_code == 302
    assert api.get("/api/v1/pledges").status_code == 401


def test_another_users_token_is_not_found_and_stays(world, user_of):
    owner = user_of(Role.FORCE)
    token, _text = AuthToken.objects.create(user=owner)
    other = Client()
    other.force_login(user_of(Role.FORCE))
    assert other.post(f"/accounts/tokens/{token.token_key}/revoke/").status_code == 404
    assert AuthToken.objects.filter(pk=token.pk).exists()


def test_a_session_write_needs_its_csrf_token(world, user_of):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user_of(Role.FORCE))
    refused = client.post("/api/v1/pledges", {**PLEDGE, "status": "pledged"}, format="json")
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert "CSRF" in refused.json()["detail"]
    assert not Pledge.objects.filter(count=5).exists()
    client.get("/accounts/")  # the page sets the CSRF cookie, as a browser would get it
    token = client.cookies["csrftoken"].value
    allowed = client.post("/api/v1/pledges", {**PLEDGE, "status": "pledged"}, format="json", HTTP_X_CSRFTOKEN=token)
    assert allowed.status_code == 201, allowed.content


def test_calls_are_throttled_with_counts_in_the_shared_database_cache(world, user_of, monkeypatch):
    # The project counts in the database cache, shared by app servers; the suite counts in memory.
    assert project_settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/hour", "anon": "2/hour"})
    client = APIClient()
    client.force_login(user_of(Role.FORCE))
    assert [client.get("/api/v1/pledges").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/pledges").json()["title"] == "Too many requests"
