"""`python -m bench.lock`: import a large deployments file and time the small writes made meanwhile.

On SQLite one writer holds the database at a time: this measures the import's speed (rows/s) and
how long a write of the web (one source saved through the write gate) waits while the import runs.

    python -m bench.lock [--rows 200000]
    python -m bench.lock writer STOP_FILE     (the writing side, started by the first)
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import _base_files, _deployments, _write
from bench.measure import PROJECT, migrated_template, run_child

WRITE_EVERY_SECONDS = 0.5


def writer(stop: Path) -> dict[str, object]:
    """Save one source every half second until `stop` exists; report each write's wait and the failures."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msaada.settings")
    django.setup()
    from django.db import OperationalError

    from msaada.core.services import record_save
    from msaada.sources.models import Source

    waits: list[float] = []
    failed = 0
    while not stop.exists():
        started = time.perf_counter()
        try:
            source = Source(key=f"lock-{len(waits)}-{failed}", title="written during an import", kind="report")
            record_save(actor=None, record=source, mission=None)
        except OperationalError:
            failed += 1
        waits.append(time.perf_counter() - started)
        time.sleep(WRITE_EVERY_SECONDS)
    return {"writes": len(waits), "failed": failed, "max_wait": max(waits, default=0.0), "waits": waits}


def main(rows: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="msaada-bench-lock-"))
    rng = random.Random(0)  # noqa: S311 - made-up records
    base, big = work / "base", work / "big"
    base.mkdir()
    big.mkdir()
    for name, header, body in _base_files(rng):
        if name not in {"deployments", "flows", "expenditures"}:
            _write(base / f"{name}.csv", header, body)
    header, body = _deployments(rng, rows)
    _write(big / "deployments.csv", header, body)
    var = migrated_template(work / "var")
    run_child(var, "import", str(base))
    stop = work / "stop"
    env = {**os.environ, "MSAADA_VAR_DIR": str(var), "DJANGO_SETTINGS_MODULE": "msaada.settings"}
    env.pop("DATABASE_URL", None)
    writing = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.lock", "writer", str(stop)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        imported = run_child(var, "import", str(big))
    finally:
        stop.touch()
        out, _ = writing.communicate(timeout=120)
    written = json.loads(out.strip().splitlines()[-1])
    waits = sorted(written["waits"])
    print(f"import: {rows:,} rows in {imported['seconds']:.1f} s = {rows / imported['seconds']:,.0f} rows/s")
    print(f"        created {imported['created']:,}")
    print(
        f"writes meanwhile: {written['writes']} ({written['failed']} failed 'database is locked'); "
        f"longest wait {written['max_wait']:.2f} s; median {waits[len(waits) // 2]:.3f} s"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["writer"]:
        print(json.dumps(writer(Path(sys.argv[2]))))
    else:
        parser = argparse.ArgumentParser(prog="python -m bench.lock", description=__doc__)
        parser.add_argument("--rows", type=int, default=200_000)
        main(parser.parse_args().rows)
