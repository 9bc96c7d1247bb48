"""Every response carries a request id and a Content-Security-Policy; a server error is logged with its id."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from msaada.middleware import content_security_policy

pytestmark = pytest.mark.django_db


def test_every_page_has_a_policy_that_allows_scripts_and_styles_from_the_site_only(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "unsafe-eval" not in policy
    assert "<script>" not in response.content.decode()


def test_the_map_tile_server_is_allowed_for_images_only():
    policy = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy
    assert "img-src 'self' data:;" in content_security_policy("")


def test_a_server_error_is_logged_to_stderr_with_the_id_the_response_carries(monkeypatch, caplog):
    from msaada.accounts import views

    def broken(request):
        raise RuntimeError("the figures broke")

    monkeypatch.setattr(views.RateLimitedPasswordResetView, "get", lambda self, request, *a, **k: broken(request))
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get(reverse("password_reset"))
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert len(request_id) == 16
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler) and h.filters]
    handler.filter(record)
    line = handler.format(record)
    assert f"ERROR [request {request_id}] django.request: Internal Server Error: /accounts/password_reset/" in line
    assert "RuntimeError: the figures broke" in line
