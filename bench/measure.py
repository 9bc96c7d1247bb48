"""Run the measurements of bench.child in fresh processes, each against its own SQLite database."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


class MeasurementFailed(Exception):
    """A child process that did not finish; the message holds the end of what it wrote."""


@dataclass(frozen=True)
class ImportResult:
    """One import: its time, the child's memory before and at its peak, and what it changed."""

    rows: int
    seconds: float
    rss_before_kb: int
    rss_peak_kb: int
    created: int
    updated: int
    unchanged: int

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds

    @property
    def growth_kb(self) -> int:
        """Return how far the import raised the process's peak above what Django itself holds."""
        return self.rss_peak_kb - self.rss_before_kb


@dataclass(frozen=True)
class BriefResult:
    """One brief: the queries it ran and its fastest time."""

    queries: int
    seconds: float


def run_child(var_dir: Path, *args: str) -> dict[str, object]:
    """Run `python -m bench.child ARGS` with its database under `var_dir`; return the JSON it printed."""
    env = dict(os.environ, MSAADA_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="msaada.settings")
    # Always the embedded SQLite in a fresh folder, and no DEBUG query log growing with the rows.
    env.pop("DATABASE_URL", None)
    env.pop("MSAADA_DEBUG", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, arguments built here
        [sys.executable, "-m", "bench.child", *args], cwd=PROJECT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-25:])
        raise MeasurementFailed(f"bench.child {' '.join(args)} exited with {done.returncode}:\n{tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def migrated_template(var_dir: Path) -> Path:
    """Migrate an empty database once, so each run starts from a copy instead of migrating again."""
    run_child(var_dir, "migrate")
    return var_dir


def fresh_copy(template: Path, var_dir: Path) -> Path:
    """Copy the migrated template folder (database and secret key) to a new folder."""
    shutil.copytree(template, var_dir)
    return var_dir


def measure_import(var_dir: Path, folder: Path, rows: int) -> ImportResult:
    """Import a generated folder into the database under `var_dir`."""
    return ImportResult(rows=rows, **run_child(var_dir, "import", str(folder)))


def measure_brief(var_dir: Path, as_of: date, repeats: int) -> BriefResult:
    """Build the brief against the database under `var_dir`."""
    return BriefResult(**run_child(var_dir, "brief", as_of.isoformat(), str(repeats)))
