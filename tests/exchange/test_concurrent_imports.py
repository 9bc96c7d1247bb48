"""Two imports at once: one set of records, and a clear message for the one that cannot wait."""

import contextlib
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import OperationalError, connection, transaction
from django.http import HttpResponse

from msaada.core.middleware import DatabaseBusyMiddleware
from msaada.exchange.importer import IMPORT_LOCK, FileImport, ImportFailed, import_records
from msaada.forces.models import Deployment
from tests.exchange.files import BASE, outcomes, write

ARRIVALS = 300


def _deployments(folder: Path) -> Path:
    rows = "\n".join(f"KEN,Contingent {n},police,arrival,10,2024-06-25" for n in range(ARRIVALS))
    return write(folder, {"deployments.csv": "contributor,unit,category,change,count,date\n" + rows})


def _in_a_thread(target) -> threading.Thread:
    """Run an import on its own database connection, as a second user or process would."""

    def run() -> None:
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_folder_at_once_make_one_set_of_records(tmp_path: Path, monkeypatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's IMMEDIATE transactions hold one write lock: imports there never overlap")
    outcomes([write(tmp_path / "base", BASE)])
    folder = _deployments(tmp_path / "deployments")
    # Each import waits, once it has looked for existing records, until the other has looked too (or 3 s):
    # without a lock both find none and both create; with one the second cannot look before the first commits.
    both_looked = threading.Barrier(2, timeout=3)
    looked_up = FileImport._existing

    def look_then_wait(self, identities):
        found = looked_up(self, identities)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_looked.wait()
        return found

    monkeypatch.setattr(FileImport, "_existing", look_then_wait)
    results: list[tuple[int, int, int]] = []
    threads = [_in_a_thread(lambda: results.append(outcomes([folder])["deployments.csv"])) for _ in range(2)]
    for thread in threads:
        thread.join(60)
    assert Deployment.objects.count() == ARRIVALS
    assert sorted(results) == [(0, 0, ARRIVALS), (ARRIVALS, 0, 0)]


@pytest.mark.django_db(transaction=True)
def test_an_import_that_cannot_wait_for_another_says_so_and_writes_nothing(tmp_path: Path, settings) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the advisory lock is PostgreSQL's")
    outcomes([write(tmp_path / "base", BASE)])
    folder = _deployments(tmp_path / "deployments")
    held, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
            held.set()
            release.wait(30)

    holder = _in_a_thread(hold_the_lock)
    held.wait(10)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("msaada.exchange.importer.LOCK_WAIT", "200ms")
            with pytest.raises(ImportFailed) as failed:
                import_records([folder], "MSS")
    finally:
        release.set()
        holder.join()
    assert list(map(str, failed.value.problems)) == [
        "import: another import is running: nothing was written, try again when it has finished"
    ]
    assert Deployment.objects.count() == 0


def test_an_empty_folder_is_an_error_not_a_silent_success(db, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ImportFailed) as failed:
        import_records([empty], "MSS")
    assert list(map(str, failed.value.problems)) == [f"{empty}: no file of the import format here"]


def test_an_import_that_finds_sqlite_locked_says_another_is_running(db, tmp_path: Path, monkeypatch) -> None:
    def locked() -> None:
        raise OperationalError("database is locked")

    monkeypatch.setattr("msaada.exchange.importer.wait_for_other_imports", locked)
    with pytest.raises(ImportFailed) as failed:
        import_records([write(tmp_path / "base", BASE)], "MSS")
    assert list(map(str, failed.value.problems)) == [
        "import: another import is running: nothing was written, try again when it has finished"
    ]


def test_any_other_database_failure_is_not_mistaken_for_a_busy_database(db, tmp_path: Path, monkeypatch) -> None:
    def broken() -> None:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr("msaada.exchange.importer.wait_for_other_imports", broken)
    with pytest.raises(OperationalError, match="disk I/O error"):
        import_records([write(tmp_path / "base", BASE)], "MSS")


def test_a_web_write_that_finds_the_database_locked_answers_503_with_a_reason(rf) -> None:
    middleware = DatabaseBusyMiddleware(lambda request: HttpResponse())
    request = rf.post("/")
    request.user = AnonymousUser()  # the page is rendered as any other, for the user the stack has set
    response = middleware.process_exception(request, OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "An import is running" in response.content.decode()
    assert middleware.process_exception(rf.post("/"), OperationalError("disk I/O error")) is None
