"""A mission already imported, for the tests that import more into it."""

from pathlib import Path

import pytest

from msaada.exchange.importer import import_records
from tests.exchange.files import BASE, write


@pytest.fixture
def base(tmp_path: Path, db) -> Path:
    """A mission with its sources, organizations, a fund, a CAD rate and a site, already imported."""
    folder = write(tmp_path / "base", BASE)
    import_records([folder], "MSS")
    return folder
