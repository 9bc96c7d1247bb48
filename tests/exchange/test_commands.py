"""The `msaada import` and `msaada export` commands as a person runs them."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.environment import command_env
from tests.exchange.files import BASE, snapshot, write

pytestmark = pytest.mark.django_db


def test_import_prints_what_it_did_per_file(db, tmp_path: Path, capsys) -> None:
    folder = write(tmp_path / "records", BASE)
    call_command("import", str(folder), "--mission", "MSS")
    out = capsys.readouterr().out
    assert "│ sources.csv       │ 3       │ 0       │ 0         │" in out
    assert "│ organizations.csv │ 3       │ 0       │ 0         │" in out
    assert "│ total             │ 10      │ 0       │ 0         │" in out
    call_command("import", str(folder), "--mission", "MSS")
    assert "│ total             │ 0       │ 0       │ 10        │" in capsys.readouterr().out


def test_import_with_bad_rows_lists_them_and_fails(db, tmp_path: Path, capsys) -> None:
    files = {
        **BASE,
        "sites.csv": "name,kind,latitude,longitude\nAirport,airport,north,-72.29\nPalace,castle,18.5,-72.3",
    }
    folder = write(tmp_path / "records", files)
    with pytest.raises(CommandError, match=r"import failed: 2 problem\(s\), nothing written"):
        call_command("import", str(folder), "--mission", "MSS")
    err = capsys.readouterr().err
    assert 'sites.csv:2: latitude: not a plain decimal number "north"' in err
    assert "sites.csv:3: kind: not one of airport, seaport, palace" in err
    assert snapshot()["missions.Mission"] == 0


def test_import_records_the_acting_user_in_history(db, tmp_path: Path, django_user_model) -> None:
    officer = django_user_model.objects.create_user("officer", password=None)
    call_command("import", str(write(tmp_path / "r", BASE)), "--mission", "MSS", "--user", "officer")
    from msaada.missions.models import Mission

    record = Mission.objects.get().history.get()
    assert record.history_user == officer
    assert record.history_change_reason.startswith("import ")


def test_import_refuses_an_unknown_user(db, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--user: unknown user 'ghost'"):
        call_command("import", str(write(tmp_path / "r", BASE)), "--mission", "MSS", "--user", "ghost")


def test_console_script_migrates_an_empty_sqlite_database_in_wal_mode(tmp_path: Path) -> None:
    env = command_env(MSAADA_VAR_DIR=str(tmp_path / "var"))
    msaada = Path(sys.executable).with_name("msaada")
    subprocess.run([msaada, "migrate", "-v", "0"], env=env, check=True, timeout=120)  # noqa: S603
    database = tmp_path / "var" / "msaada.sqlite3"
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    key = tmp_path / "var" / "secret_key"
    assert len(key.read_text()) >= 50
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "elsewhere.sqlite3"
    env["DATABASE_URL"] = f"sqlite:///{other}"
    subprocess.run([msaada, "migrate", "-v", "0"], env=env, check=True, timeout=120)  # noqa: S603
    assert other.exists()
    result = subprocess.run(  # noqa: S603
        [msaada, "import", str(write(tmp_path / "r", BASE)), "--mission", "MSS"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "━" in result.stdout
    assert result.stderr == ""  # no progress bar when the output is not a terminal
