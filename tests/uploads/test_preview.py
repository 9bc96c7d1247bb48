"""Upload, preview, confirm or cancel: nothing is written before the owner confirms, and only once."""

import datetime as dt
import io
import json
import os
import time

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from msaada.finance.models import Flow, FxRate
from msaada.forces.models import Pledge
from msaada.uploads.storage import store_upload, uploads_root
from tests.exchange.files import snapshot
from tests.uploads.conftest import csv_file, token_of, upload

pytestmark = pytest.mark.django_db

PLEDGES = """
    contributor,category,count,date,status
    KEN,police,1000,2023-07-29,pledged
    BHS,police,150,2024-02-01,pledged
"""
FLOWS = """
    ref,fund,donor,stage,amount,currency,date
    CAN-1,mss-tf,can-gov,pledge,80500000,CAD,2024-02-22
    CAN-1,mss-tf,can-gov,paid,8700000,CAD,2024-04-26
"""


def good_files() -> list[SimpleUploadedFile]:
    return [csv_file("pledges.csv", PLEDGES), csv_file("flows.csv", FLOWS)]


def counts(response) -> dict[str, tuple[int, int, int]]:
    return {o["label"]: (o["created"], o["updated"], o["unchanged"]) for o in response.context["upload"].outcomes}


def post(client, name: str, token: str, code: str = "MSS"):
    return client.post(reverse(name, args=[code, token]), follow=True)


def test_preview_counts_each_file_and_writes_nothing(as_role) -> None:
    client = as_role("admin")
    before = snapshot()
    response = upload(client, *good_files())
    assert response.resolver_match.url_name == "import_preview"
    assert counts(response) == {"pledges.csv": (2, 0, 0), "flows.csv": (2, 0, 0)}
    assert snapshot() == before
    assert b"Nothing has been written yet." in response.content
    assert reverse("import_confirm", args=["MSS", token_of(response)]).encode() in response.content


def test_confirm_writes_the_records_with_the_uploader_in_their_history(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, *good_files()))
    response = post(client, "import_confirm", token)
    assert response.context["upload"].state == "imported"
    assert counts(response) == {"pledges.csv": (2, 0, 0), "flows.csv": (2, 0, 0)}
    assert sorted(Pledge.objects.values_list("contributor__code", "count")) == [("BHS", 150), ("KEN", 1000)]
    assert Flow.objects.count() == 2
    history = Pledge.history.first()
    assert history.history_user.username == "admin"
    assert "uploaded in the browser by admin" in history.history_change_reason
    assert not (uploads_root() / token / "files").exists()


def test_a_second_confirm_of_the_same_upload_is_refused(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, *good_files()))
    post(client, "import_confirm", token)
    after_first = snapshot()
    assert post(client, "import_confirm", token).status_code == 404
    assert snapshot() == after_first


def test_cancel_writes_nothing_and_deletes_the_files(as_role) -> None:
    client = as_role("admin")
    before = snapshot()
    token = token_of(upload(client, *good_files()))
    assert (uploads_root() / token / "files" / "pledges.csv").exists()
    response = post(client, "import_cancel", token)
    assert response.resolver_match.url_name == "import_upload"
    assert not (uploads_root() / token).exists()
    assert snapshot() == before
    assert post(client, "import_confirm", token).status_code == 404


def test_uploading_the_same_files_again_previews_them_unchanged(as_role) -> None:
    client = as_role("admin")
    post(client, "import_confirm", token_of(upload(client, *good_files())))
    response = upload(client, *good_files())
    assert counts(response) == {"pledges.csv": (0, 0, 2), "flows.csv": (0, 0, 2)}


def test_confirm_writes_nothing_when_a_row_went_bad_since_the_preview(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, *good_files()))
    FxRate.objects.all().delete()
    before = snapshot()
    response = post(client, "import_confirm", token)
    assert response.context["upload"].state == "rejected"
    problems = response.context["upload"].problems
    assert [(p["file"], p["line"], p["column"]) for p in problems] == [
        ("flows.csv", 2, "currency"),
        ("flows.csv", 3, "currency"),
    ]
    assert snapshot() == before
    assert b"Nothing has been written." in response.content
    assert b"Confirm import" not in response.content


def test_a_workbook_is_previewed_per_sheet_and_imported(as_role) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "pledges"
    sheet.append(["contributor", "category", "count", "date", "status"])
    sheet.append(["KEN", "police", 1000, dt.date(2023, 7, 29), "pledged"])
    content = io.BytesIO()
    workbook.save(content)
    client = as_role("force")
    response = upload(client, SimpleUploadedFile("force.xlsx", content.getvalue()))
    assert counts(response) == {"force.xlsx[pledges]": (1, 0, 0)}
    assert not Pledge.objects.exists()
    post(client, "import_confirm", token_of(response))
    assert Pledge.objects.get().date == dt.date(2023, 7, 29)


def test_an_upload_whose_check_never_finished_cannot_be_confirmed(client, user_with) -> None:
    owner = user_with("admin")
    client.force_login(owner)
    unchecked = store_upload([csv_file("pledges.csv", PLEDGES)], owner=owner.pk, mission="MSS")
    assert "Checking the files" in client.get(reverse("import_preview", args=["MSS", unchecked.token])).content.decode()
    response = client.post(reverse("import_confirm", args=["MSS", unchecked.token]), follow=True)
    assert response.resolver_match.url_name == "import_preview"
    assert not Pledge.objects.exists()


def _interrupt_an_import(token: str, minutes_ago: int) -> None:
    """Leave the upload confirmed and its files claimed, last touched then, as an import whose worker was stopped."""
    folder = uploads_root() / token
    ticket = json.loads((folder / "upload.json").read_text())
    (folder / "upload.json").write_text(json.dumps({**ticket, "state": "importing"}))
    (folder / "files").rename(folder / "claimed")
    when = time.time() - minutes_ago * 60
    for path in (folder / "claimed", folder / "upload.json"):
        os.utime(path, (when, when))


def test_an_import_still_running_is_shown_as_running_and_a_second_confirm_goes_back_to_it(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, *good_files()))
    _interrupt_an_import(token, minutes_ago=1)
    before = snapshot()
    response = post(client, "import_confirm", token)
    assert response.resolver_match.url_name == "import_preview"
    assert "These files are being imported." in response.content.decode()
    assert "Confirm import" not in response.content.decode()
    assert post(client, "import_cancel", token).resolver_match.url_name == "import_preview"
    assert snapshot() == before


def test_an_interrupted_import_wrote_nothing_and_can_be_confirmed_again(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, *good_files()))
    _interrupt_an_import(token, minutes_ago=20)
    page = client.get(reverse("import_preview", args=["MSS", token])).content.decode()
    assert "interrupted before it finished, so nothing of it was written" in page
    assert "Confirm import" in page
    post(client, "import_confirm", token)
    assert sorted(Pledge.objects.values_list("contributor__code", "count")) == [("BHS", 150), ("KEN", 1000)]


def test_an_interrupted_import_can_be_cancelled(as_role) -> None:
    client = as_role("admin")
    before = snapshot()
    token = token_of(upload(client, *good_files()))
    _interrupt_an_import(token, minutes_ago=20)
    assert post(client, "import_cancel", token).resolver_match.url_name == "import_upload"
    assert not (uploads_root() / token).exists()
    assert snapshot() == before
