"""Import files uploaded in the browser, kept in a private folder until their owner confirms or cancels.

Each upload has a folder under var/uploads/ named by a random token, holding the files under their
own names and a ticket (upload.json) that binds the token to its owner and mission and keeps what
the check found. Files are removed as soon as they can no longer be imported; folders older than a
day are swept away when a new upload starts.
"""

import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

MAX_BYTES = 50 * 1024 * 1024  # a whole upload; larger imports belong on the command line
KEEP_SECONDS = 24 * 60 * 60
# An import under way writes its progress (and touches its claim) at each batch of rows: one silent this long
# was stopped with its worker, and as an import is one transaction it wrote nothing.
INTERRUPTED_AFTER_SECONDS = 15 * 60
TOKEN = re.compile(r"[0-9a-f]{32}")
TICKET = "upload.json"
WAITING = "files"
CLAIMED = "claimed"

RECEIVED = "received"  # stored, being checked in the background: nothing may be imported yet
CHECKED = "checked"  # the dry run found no problem: the owner may confirm or cancel
IMPORTING = "importing"  # confirmed, being imported in the background
REJECTED = "rejected"  # problems were found: nothing was written and the files are gone
IMPORTED = "imported"  # confirmed and written: the files are gone, the outcomes stay for the result page


@dataclass
class Upload:
    """One upload: its owner, its mission, the names of its files and what checking or importing them gave."""

    token: str
    owner: int
    mission: str
    names: list[str]
    state: str = RECEIVED
    outcomes: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    problem_count: int = 0
    rows_read: int = 0  # of the check or the import under way, for the page's progress
    rows_total: int = 0
    failed: bool = False  # the check or import under way stopped on an error: it wrote nothing

    @property
    def folder(self) -> Path:
        return uploads_root() / self.token


def uploads_root() -> Path:
    return Path(settings.VAR_DIR) / "uploads"


def is_plain_name(name: str) -> bool:
    """Return whether a file name is a bare name: no folder, no parent, not hidden."""
    return bool(name) and "/" not in name and "\\" not in name and "\0" not in name and not name.startswith(".")


def store_upload(files: Iterable[UploadedFile], *, owner: int, mission: str) -> Upload:
    """Write the files into a new private folder and return its upload, not yet checked."""
    uploads_root().mkdir(mode=0o700, parents=True, exist_ok=True)
    upload = Upload(secrets.token_hex(16), owner, mission, [])
    waiting = upload.folder / WAITING
    upload.folder.mkdir(mode=0o700)
    waiting.mkdir(mode=0o700)
    for uploaded in files:
        if not is_plain_name(uploaded.name):
            raise ValueError(f"not a plain file name: {uploaded.name!r}")
        with (waiting / uploaded.name).open("xb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        upload.names.append(uploaded.name)
    save_upload(upload)
    return upload


def save_upload(upload: Upload) -> None:
    """Write the ticket whole or not at all, so a reader never sees half of it."""
    partial = upload.folder / f".{TICKET}.partial"
    partial.write_text(json.dumps(asdict(upload)), encoding="utf-8")
    os.replace(partial, upload.folder / TICKET)


def find_upload(token: str, *, owner: int, mission: str) -> Upload | None:
    """Return the upload with this token if it belongs to this owner and mission; None as if it did not exist."""
    if not TOKEN.fullmatch(token):
        return None
    try:
        upload = Upload(**json.loads((uploads_root() / token / TICKET).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if upload.token != token or upload.owner != owner or upload.mission != mission:
        return None
    return upload


def waiting_paths(upload: Upload) -> list[Path]:
    """Return the paths of the upload's files while they wait for confirmation."""
    return [upload.folder / WAITING / name for name in upload.names]


def claim_files(upload: Upload) -> list[Path] | None:
    """Take the files for the one import that may use them; None when they are gone or already taken.

    Renaming the folder is atomic, so of two confirmations sent at once only one gets the files.
    """
    try:
        os.rename(upload.folder / WAITING, upload.folder / CLAIMED)
    except OSError:
        return None
    return [upload.folder / CLAIMED / name for name in upload.names]


def claimed_at(upload: Upload) -> float | None:
    """Return when an import took the upload's files (a timestamp), or None when no import holds them."""
    try:
        return (upload.folder / CLAIMED).stat().st_mtime
    except OSError:
        return None


def release_interrupted_claim(upload: Upload) -> bool:
    """Give the files of an interrupted import back to their upload, to confirm or cancel again; say if it did.

    An import whose request was stopped (a server timeout, a restart) leaves its files claimed and wrote
    nothing; without this its Confirm and Cancel would answer as if the upload did not exist.
    """
    started = claimed_at(upload)
    if started is None or time.time() - started < INTERRUPTED_AFTER_SECONDS:
        return False
    try:
        os.rename(upload.folder / CLAIMED, upload.folder / WAITING)
    except OSError:
        return False
    return True


def stalled(upload: Upload) -> bool:
    """Whether the check or import under way stopped: it failed, or its ticket, written at each batch, went still.

    An import is one transaction, so one that stopped wrote nothing and its files may be used again.
    """
    if upload.state not in (RECEIVED, IMPORTING):
        return False
    if upload.failed:
        return True
    try:
        touched = (upload.folder / TICKET).stat().st_mtime
    except OSError:
        return False
    return time.time() - touched >= INTERRUPTED_AFTER_SECONDS


def touch_claim(upload: Upload) -> None:
    """Mark the claimed files as still in use by the import under way, so they are not taken as interrupted."""
    try:
        os.utime(upload.folder / CLAIMED)
    except OSError:
        return


def give_back_claim(upload: Upload) -> None:
    """Give the claimed files back to their upload at once: the import that held them stopped, writing nothing."""
    try:
        os.rename(upload.folder / CLAIMED, upload.folder / WAITING)
    except OSError:
        return


def drop_files(upload: Upload) -> None:
    """Remove the upload's files, waiting or claimed, and keep its ticket."""
    for name in (WAITING, CLAIMED):
        shutil.rmtree(upload.folder / name, ignore_errors=True)


def discard_upload(upload: Upload) -> None:
    shutil.rmtree(upload.folder, ignore_errors=True)


def sweep_old_uploads() -> None:
    """Remove the folders of uploads left for more than a day."""
    root = uploads_root()
    if not root.is_dir():
        return
    oldest = time.time() - KEEP_SECONDS
    for folder in root.iterdir():
        try:
            stale = folder.stat().st_mtime < oldest
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
