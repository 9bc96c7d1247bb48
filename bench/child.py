"""The measured side of the bench: one process per measurement, reporting one JSON line on stdout.

Each measurement runs in a fresh process so that its peak memory (ru_maxrss) is its own, and
so that each one sets up Django against its own SQLite database under MSAADA_VAR_DIR.

    python -m bench.child migrate
    python -m bench.child import DATA_FOLDER
    python -m bench.child brief AS_OF REPEATS
"""

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path


def _rss_kb() -> int:
    # Linux reports ru_maxrss in kilobytes: the high-water mark of this process so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _setup() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msaada.settings")
    django.setup()


def migrate() -> dict[str, object]:
    """Create the schema in the database under MSAADA_VAR_DIR."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return {}


def import_folder(folder: Path) -> dict[str, object]:
    """Import a generated folder into the mission; report time, memory before and at peak, and outcomes."""
    from django.db import connection

    from msaada.exchange.importer import import_records

    # Open the connection and load the importer's modules first, so the baseline holds them.
    connection.ensure_connection()
    before = _rss_kb()
    started = time.perf_counter()
    outcomes = import_records([folder], "BENCH", reason="bench")
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rss_before_kb": before,
        "rss_peak_kb": _rss_kb(),
        "created": sum(o.created for o in outcomes),
        "updated": sum(o.updated for o in outcomes),
        "unchanged": sum(o.unchanged for o in outcomes),
    }


def brief(as_of: date, repeats: int) -> dict[str, object]:
    """Build the mission's brief: count its queries once, then keep the fastest of `repeats` timings."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from msaada.missions.models import Mission
    from msaada.readiness.brief import build_brief

    mission = Mission.objects.get(code="BENCH")
    build_brief(mission, as_of)  # warm the caches (content types, SQLite pages) for both sizes alike
    with CaptureQueriesContext(connection) as captured:
        build_brief(mission, as_of)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        build_brief(mission, as_of)
        timings.append(time.perf_counter() - started)
    return {"queries": len(captured.captured_queries), "seconds": min(timings)}


def main(argv: list[str]) -> None:
    """Run one measurement named on the command line and print its result as JSON."""
    _setup()
    command, *args = argv
    if command == "migrate":
        result = migrate()
    elif command == "import":
        result = import_folder(Path(args[0]))
    elif command == "brief":
        result = brief(date.fromisoformat(args[0]), int(args[1]))
    else:
        raise SystemExit(f"unknown measurement {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
