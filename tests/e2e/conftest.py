"""Browser tests: each role signs in through the login form of the live server, on the Haiti demo."""

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management import call_command
from playwright.sync_api import Browser, Page

import msaada
from msaada.missions.models import Mission
from tests.browser import watch_csp
from tests.factories import person

DEMO = Path(msaada.__file__).parent / "demo" / "haiti"


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    opened = watch_csp(context.new_page())
    opened.set_default_timeout(15_000)
    yield opened
    context.close()
    assert opened.csp_violations == []


@pytest.fixture
def demo(transactional_db) -> Mission:
    """Load the Haiti demo through the import, as `msaada demo` does, and return the MSS mission."""
    call_command("import", str(DEMO / "mss"), "--mission", "MSS", verbosity=0)
    return Mission.objects.get(code="MSS")


def make_user(role: str, *missions: Mission, **scope: Any) -> tuple[AbstractBaseUser, str]:
    """Create a user of a role with a fresh password (an admin is a superuser); return (user, password)."""
    password = secrets.token_urlsafe(16)
    return person(role, *missions, password=password, superuser=role == "admin", **scope), password


def log_in(page: Page, username: str, password: str) -> None:
    """Sign in through the login form, as a person does."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("networkidle")
