"""The account page: who the user is, what they may see, and the language every page speaks to them in."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from msaada.accounts.models import Profile, Role
from msaada.finance.models import Organization
from msaada.missions.models import Mission

pytestmark = pytest.mark.django_db

ACCOUNT = reverse("account")


def test_the_page_needs_a_login(client):
    response = client.get(ACCOUNT)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={ACCOUNT}"


def test_shows_username_role_and_missions_and_links_to_the_password_change(client, officer):
    client.force_login(officer)
    html = client.get(ACCOUNT).content.decode()
    assert "amina" in html
    assert "Force officer" in html
    assert "Mission alpha" in html
    assert reverse("dashboard", args=["alpha"]) in html
    assert reverse("password_change") in html


def test_a_liaison_sees_its_country_by_name(client, officer):
    Profile.objects.filter(user=officer).update(role=Role.LIAISON, country="KEN")
    client.force_login(officer)
    html = client.get(ACCOUNT).content.decode()
    assert "Contributor liaison" in html
    assert "Kenya (KEN)" in html


def test_a_donor_sees_its_organization_by_name(client, officer):
    canada = Organization.objects.create(key="canada", name="Government of Canada", kind="government")
    Profile.objects.filter(user=officer).update(role=Role.DONOR, organization=canada)
    client.force_login(officer)
    html = client.get(ACCOUNT).content.decode()
    assert "Donor" in html
    assert "Government of Canada" in html


def test_the_language_menu_is_labelled_and_names_each_language_in_itself(client, officer):
    client.force_login(officer)
    html = client.get(ACCOUNT).content.decode()
    assert '<label for="id_language">' in html
    assert '<select name="language"' in html
    assert ">Français</option>" in html
    assert ">Español</option>" in html


def test_the_chosen_language_is_kept_and_the_next_page_speaks_it(client, officer):
    client.force_login(officer)
    response = client.post(ACCOUNT, {"language": "fr"})
    assert response.status_code == 302
    assert response.url == ACCOUNT
    assert Profile.objects.get(user=officer).language == "fr"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    page = client.get(reverse("home"))
    assert page["Content-Language"] == "fr"
    assert page.wsgi_request.LANGUAGE_CODE == "fr"


def test_the_language_follows_the_user_to_another_browser(officer):
    Profile.objects.filter(user=officer).update(language="es")
    elsewhere = Client(headers={"accept-language": "fr"})
    elsewhere.force_login(officer)
    page = elsewhere.get(reverse("home"))
    assert page["Content-Language"] == "es"
    assert page.wsgi_request.LANGUAGE_CODE == "es"


def test_an_unknown_language_is_refused_and_nothing_changes(client, officer):
    client.force_login(officer)
    response = client.post(ACCOUNT, {"language": "de"})
    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    assert Profile.objects.get(user=officer).language == "en"


def test_the_language_form_refuses_a_post_without_a_csrf_token(officer):
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(officer)
    assert forged.post(ACCOUNT, {"language": "fr"}).status_code == 403
    assert Profile.objects.get(user=officer).language == "en"


def test_with_the_csrf_token_the_same_post_is_accepted(officer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer)
    browser.get(ACCOUNT)
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    assert browser.post(ACCOUNT, {"language": "fr", "csrfmiddlewaretoken": token}).status_code == 302
    assert Profile.objects.get(user=officer).language == "fr"


@pytest.fixture
def root(db):
    """A superuser made by Django's createsuperuser: no profile."""
    Mission.objects.create(code="alpha", name="Mission alpha", host_country="HTI", lead_country="KEN")
    return get_user_model().objects.create_superuser("root", "root@example.org")


def test_a_superuser_without_profile_sees_every_mission_and_a_note_instead_of_the_language_menu(client, root):
    client.force_login(root)
    response = client.get(ACCOUNT)
    html = response.content.decode()
    assert response.context["form"] is None
    assert '<select name="language"' not in html
    assert "Your account has no profile" in html
    assert "Admin" in html
    assert "Mission alpha" in html


def test_a_superuser_without_profile_cannot_post_a_language_and_gets_no_profile(client, root):
    client.force_login(root)
    assert client.post(ACCOUNT, {"language": "fr"}).status_code == 403
    assert not Profile.objects.filter(user=root).exists()
