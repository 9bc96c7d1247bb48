"""Where uploads wait: private folders with plain file names, swept after a day; and the importer's dry run."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from msaada.exchange.importer import import_records
from msaada.forces.models import Pledge
from msaada.uploads.storage import find_upload, is_plain_name, store_upload, sweep_old_uploads, uploads_root
from tests.exchange.files import snapshot, write
from tests.uploads.conftest import csv_file

pytestmark = pytest.mark.django_db

PLEDGES = "contributor,category,count,date,status\nKEN,police,1000,2023-07-29,pledged"


@pytest.mark.parametrize("name", ["pledges.csv", "Flows 2025.xlsx"])
def test_a_bare_name_is_plain(name: str) -> None:
    assert is_plain_name(name)


@pytest.mark.parametrize("name", ["../pledges.csv", "a/pledges.csv", "a\\pledges.csv", ".hidden.csv", "..", ""])
def test_a_name_with_a_folder_or_hidden_is_not_plain(name: str) -> None:
    assert not is_plain_name(name)


def test_storing_refuses_a_name_with_path_parts(private_var: Path) -> None:
    escaping = SimpleUploadedFile("escape.csv", b"x")
    escaping._name = "../../escape.csv"  # Django strips folders from names it receives; storing must not rely on it
    with pytest.raises(ValueError, match="not a plain file name"):
        store_upload([escaping], owner=1, mission="MSS")
    assert not (private_var / "escape.csv").exists()


def test_an_upload_keeps_its_files_under_their_names_in_a_private_folder() -> None:
    upload = store_upload([csv_file("pledges.csv", PLEDGES)], owner=7, mission="MSS")
    assert (upload.folder / "files" / "pledges.csv").read_text() == PLEDGES + "\n"
    assert upload.folder.parent == uploads_root()
    assert upload.folder.stat().st_mode & 0o077 == 0
    assert find_upload(upload.token, owner=7, mission="MSS") == upload
    assert find_upload(upload.token, owner=8, mission="MSS") is None
    assert find_upload("../" + upload.token, owner=7, mission="MSS") is None


def test_uploads_older_than_a_day_are_swept() -> None:
    old = store_upload([csv_file("pledges.csv", PLEDGES)], owner=1, mission="MSS")
    new = store_upload([csv_file("pledges.csv", PLEDGES)], owner=1, mission="MSS")
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(old.folder, (two_days_ago, two_days_ago))
    sweep_old_uploads()
    assert not old.folder.exists()
    assert new.folder.exists()


def test_a_new_upload_sweeps_old_ones(as_role) -> None:
    stale = store_upload([csv_file("pledges.csv", PLEDGES)], owner=1, mission="MSS")
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(stale.folder, (two_days_ago, two_days_ago))
    as_role("admin").post(reverse("import_upload", args=["MSS"]), {"files": [csv_file("pledges.csv", PLEDGES)]})
    assert not stale.folder.exists()


def test_a_dry_run_counts_what_an_import_would_do_and_writes_nothing(base, tmp_path: Path) -> None:
    folder = write(tmp_path / "more", {"pledges.csv": PLEDGES})
    before = snapshot()
    dry = import_records([folder], "MSS", dry_run=True)
    assert [(o.label, o.created) for o in dry] == [("pledges.csv", 1)]
    assert snapshot() == before
    real = import_records([folder], "MSS")
    assert real == dry
    assert Pledge.objects.count() == 1
