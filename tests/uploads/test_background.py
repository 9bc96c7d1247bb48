"""A browser import runs in the background: its page shows the rows read, then the outcome; the worker runs it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from msaada.forces.models import Pledge
from msaada.uploads import tasks
from msaada.uploads.storage import find_upload
from tests.uploads.conftest import csv_file, token_of, upload

# Five pledges of distinct counts: 10 + 20 + 30 + 40 + 50 = 150 police pledged by KEN.
PLEDGES = "contributor,category,count,date,status\n" + "".join(
    f"KEN,police,{count},2023-07-29,pledged\n" for count in (10, 20, 30, 40, 50)
)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def progress_of(client, token: str) -> str:
    return client.get(reverse("import_progress", args=["MSS", token])).content.decode()


@pytest.mark.django_db
def test_a_large_upload_shows_the_rows_read_as_it_goes_then_the_outcome(as_role, monkeypatch) -> None:
    client = as_role("admin")
    # Batches of 2 rows: the 5 rows are read as 2, 4, then 5 (the last batch holds one).
    monkeypatch.setattr("msaada.exchange.importer.BATCH_SIZE", 2)
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)
    seen: list[str] = []
    advance = tasks.Progress.advance

    def advance_and_look(self, sheet) -> None:
        advance(self, sheet)
        seen.append(progress_of(client, self.upload.token))

    monkeypatch.setattr(tasks.Progress, "advance", advance_and_look)
    checked = upload(client, csv_file("pledges.csv", PLEDGES))
    token = token_of(checked)
    assert [page.split("<p>")[1].split("</p>")[0] for page in seen] == [
        "2 of 5 rows read.",
        "4 of 5 rows read.",
        "5 of 5 rows read.",
    ]
    assert 'hx-trigger="every 1s"' in seen[0]
    # Once the check is over, the poll asks the page to reload and the page shows what the import would do.
    over = client.get(reverse("import_progress", args=["MSS", token]))
    assert (over.status_code, over["HX-Refresh"], over.content) == (200, "true", b"")
    assert "Check the import" in checked.content.decode()
    assert checked.context["totals"] == {"created": 5, "updated": 0, "unchanged": 0}
    assert not Pledge.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_checks_then_imports_a_queued_upload(as_role, settings) -> None:
    settings.TASKS = DATABASE_TASKS
    client = as_role("admin")
    token = token_of(upload(client, csv_file("pledges.csv", PLEDGES)))
    waiting = client.get(reverse("import_preview", args=["MSS", token])).content.decode()
    assert "Checking the files" in waiting
    assert "Waiting for the import worker to start." in waiting
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    checked = client.get(reverse("import_preview", args=["MSS", token]))
    assert checked.context["totals"] == {"created": 5, "updated": 0, "unchanged": 0}
    importing = client.post(reverse("import_confirm", args=["MSS", token]), follow=True).content.decode()
    assert "These files are being imported." in importing
    assert not Pledge.objects.exists()
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    done = client.get(reverse("import_preview", args=["MSS", token])).content.decode()
    assert "5 created, 0 updated, 0 unchanged" in done
    assert sum(Pledge.objects.values_list("count", flat=True)) == 150


@pytest.mark.django_db
def test_an_import_that_fails_in_the_worker_wrote_nothing_and_can_be_confirmed_again(as_role, monkeypatch) -> None:
    client = as_role("admin")
    token = token_of(upload(client, csv_file("pledges.csv", PLEDGES)))
    review = tasks.review_upload

    def broken(*args, **kwargs):
        raise RuntimeError("the worker lost its database in the middle of the import")

    monkeypatch.setattr(tasks, "review_upload", broken)
    client.post(reverse("import_confirm", args=["MSS", token]))  # the task fails; the request does not
    stalled = find_upload(token, owner=int(client.session["_auth_user_id"]), mission="MSS")
    assert stalled is not None and stalled.failed
    page = client.get(reverse("import_preview", args=["MSS", token])).content.decode()
    assert "interrupted before it finished, so nothing of it was written" in page
    assert not Pledge.objects.exists()
    monkeypatch.setattr(tasks, "review_upload", review)
    again = client.post(reverse("import_confirm", args=["MSS", token]), follow=True)
    assert again.status_code == 200
    assert "5 created, 0 updated, 0 unchanged" in again.content.decode()
    assert Pledge.objects.count() == 5
