"""Check and import uploaded files in the background (django-tasks), writing progress and outcome to the ticket.

A large upload takes minutes, longer than a request may run; the page polls the ticket instead.
The database backend queues the tasks and `msaada serve` runs its worker; tests run them at once.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django_tasks import task

from msaada.exchange.importer import BATCH_SIZE
from msaada.exchange.reading import Sheet, find_sheets
from msaada.uploads.storage import (
    CHECKED,
    IMPORTED,
    IMPORTING,
    RECEIVED,
    REJECTED,
    Upload,
    claim_files,
    drop_files,
    find_upload,
    give_back_claim,
    save_upload,
    touch_claim,
    waiting_paths,
)
from msaada.uploads.views.review import Review, count_rows, review_upload

SHOWN_PROBLEMS = 1000  # a page a person can read; a file wrong throughout is fixed long before its last line


@task()
def check_upload(token: str, owner: int, mission: str) -> None:
    """Check an upload with a dry run: what the import would do, or every bad row."""
    upload = find_upload(token, owner=owner, mission=mission)
    if upload is None or upload.state != RECEIVED:
        return  # cancelled before the check began, or checked already by a task queued earlier
    run_upload(upload, waiting_paths(upload), dry_run=True)


@task()
def import_upload(token: str, owner: int, mission: str) -> None:
    """Import a confirmed upload for real, once: only the task that takes its files imports them."""
    upload = find_upload(token, owner=owner, mission=mission)
    paths = claim_files(upload) if upload is not None and upload.state == IMPORTING else None
    if upload is None or paths is None:
        return  # cancelled, or another confirmation's task has the files
    run_upload(upload, paths, dry_run=False)
    drop_files(upload)  # imported: they can no longer be used (a failed import gave them back)


def run_upload(upload: Upload, paths: list[Path], *, dry_run: bool) -> None:
    """Check or import the files, keeping the rows read in the ticket as the import goes."""
    user = get_user_model().objects.get(pk=upload.owner)
    progress = Progress(upload, paths)
    try:
        review = review_upload(paths, user, upload.mission, dry_run=dry_run, on_batch=progress.advance)
    except BaseException:
        # A stopped import wrote nothing: its files go back to the upload, to confirm or cancel again.
        give_back_claim(upload)
        upload.failed = True
        save_upload(upload)
        raise
    keep(upload, review, CHECKED if dry_run else IMPORTED)


class Progress:
    """Rows read of the upload's files, counted as the importer reads them in batches, and written to the ticket."""

    def __init__(self, upload: Upload, paths: list[Path]) -> None:
        self.upload = upload
        sheets, _unknown = find_sheets(paths)
        self.totals = {sheet.label: count_rows(sheet) for sheet in sheets}
        self.read = dict.fromkeys(self.totals, 0)
        upload.rows_read, upload.rows_total, upload.failed = 0, sum(self.totals.values()), False
        save_upload(upload)

    def advance(self, sheet: Sheet) -> None:
        # Every batch holds BATCH_SIZE rows but a file's last, so this is exact once the file ends.
        self.read[sheet.label] = min(self.read.get(sheet.label, 0) + BATCH_SIZE, self.totals.get(sheet.label, 0))
        self.upload.rows_read = sum(self.read.values())
        save_upload(self.upload)
        touch_claim(self.upload)


def keep(upload: Upload, review: Review, state: str) -> None:
    """Record what checking or importing found; files with a bad row are deleted at once, as they cannot be used."""
    upload.outcomes, upload.problems = review.outcomes, review.problems[:SHOWN_PROBLEMS]
    upload.problem_count = review.count
    upload.state = REJECTED if review.problems else state
    upload.rows_read = upload.rows_total
    if review.problems:
        drop_files(upload)
    save_upload(upload)
