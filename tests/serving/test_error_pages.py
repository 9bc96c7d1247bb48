"""Pages not found, refused and broken answer with the site's own page, in the user's language, with DEBUG off."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

import msaada.urls
from msaada.accounts import views
from tests.factories import mission, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_liaison() -> Client:
    client = Client()
    client.force_login(person("liaison", mission("MSS"), country="KEN", language="fr"))
    return client


def site_page(response) -> str:
    """Return the page's text after checking it is the site's layout: its stylesheet, navigation and footer."""
    text = response.content.decode()
    assert 'href="/static/msaada/site.css"' in text
    assert '<a class="brand" href="/">Msaada</a>' in text
    assert 'class="foot"' in text
    return text


def test_debug_is_off_so_the_error_pages_are_those_served():
    assert settings.DEBUG is False


def test_a_page_that_does_not_exist_answers_the_sites_404_in_french(french_liaison):
    response = french_liaison.get("/nowhere/")
    assert response.status_code == 404
    text = site_page(response)
    assert '<html lang="fr">' in text
    assert "<h1>Page introuvable</h1>" in text
    assert "Retour à vos missions" in text


def test_a_list_the_role_may_not_see_answers_the_same_404(french_liaison):
    # A liaison sees pledges and deployments only: the flows are not there for it.
    response = french_liaison.get("/m/MSS/records/flows/")
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in site_page(response)


def refuse(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


# The site's URLs and one page that refuses everyone, for the 403 test.
urlpatterns = [path("refused/", refuse), *msaada.urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_a_refused_page_answers_the_sites_403_in_french(french_liaison):
    response = french_liaison.get("/refused/")
    assert response.status_code == 403
    text = site_page(response)
    assert "<h1>Action non autorisée</h1>" in text


def test_a_form_sent_without_its_security_check_answers_the_sites_403(monkeypatch):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person("observer", mission("MSS"), language="fr"))
    response = client.post("/accounts/logout/")
    assert response.status_code == 403
    text = site_page(response)
    assert "<h1>Action non autorisée</h1>" in text
    assert "contrôle de sécurité" in text


def test_a_server_error_answers_the_sites_500_in_french_with_the_request_id(french_liaison, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the figures broke")

    monkeypatch.setattr(views.RateLimitedPasswordResetView, "get", broken)
    french_liaison.raise_request_exception = False
    response = french_liaison.get("/accounts/password_reset/")
    assert response.status_code == 500
    text = site_page(response)
    assert "<h1>Une erreur est survenue</h1>" in text
    assert response["X-Request-ID"] in text
