"""A mission already imported, users of every role on it, and a way to upload files as one of them."""

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from msaada.exchange.importer import import_records
from msaada.finance.models import Organization
from msaada.missions.models import Mission
from tests.exchange.files import BASE, write
from tests.factories import person


@pytest.fixture(autouse=True)
def private_var(settings, tmp_path: Path) -> Path:
    """Give each test its own var/ folder, so uploads of one test never meet another's."""
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


@pytest.fixture
def base(tmp_path: Path, db) -> Mission:
    """The MSS mission with its sources, organizations, a fund, a CAD rate and a site, imported by the CLI."""
    import_records([write(tmp_path / "base", BASE)], "MSS")
    return Mission.objects.get(code="MSS")


@pytest.fixture
def user_with(base: Mission) -> Callable[..., object]:
    """Return a maker of users of a role, on the MSS mission."""

    def make(role: str, name: str | None = None):
        organization = Organization.objects.get(key="can-gov") if role == "donor" else None
        country = "KEN" if role == "liaison" else ""
        return person(role, base, username=name or role, country=country, organization=organization)

    return make


@pytest.fixture
def as_role(client: Client, user_with) -> Callable[[str], Client]:
    """Return a function that logs the test client in as a new user of a role."""

    def login(role: str) -> Client:
        client.force_login(user_with(role))
        return client

    return login


def csv_file(name: str, text: str) -> SimpleUploadedFile:
    """Return an uploaded CSV file from indented text, as a browser would send it."""
    return SimpleUploadedFile(name, (textwrap.dedent(text).strip() + "\n").encode(), content_type="text/csv")


def upload(client: Client, *files: SimpleUploadedFile, code: str = "MSS"):
    """Post files to the import page and return the response, following the redirect to the preview."""
    return client.post(reverse("import_upload", args=[code]), {"files": list(files)}, follow=True)


def token_of(response) -> str:
    """Return the token of the preview a response landed on."""
    return response.resolver_match.kwargs["token"]
