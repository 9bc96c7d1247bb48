"""The Haiti demo, imported once per test module inside a transaction that is rolled back afterwards."""

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

import msaada
from msaada.missions.models import Mission

DEMO = Path(msaada.__file__).parent / "demo" / "haiti" / "mss"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[Mission]:
    """The MSS mission of the demo; each test's own writes are rolled back at its end, the demo at the module's."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import", str(DEMO), "--mission", "MSS", stdout=StringIO())
        yield Mission.objects.get(code="MSS")
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def no_tiles(settings) -> None:
    """Draw no map tiles unless a test asks for them: the dashboard then loads no Leaflet."""
    settings.MSAADA_TILE_URL = ""
