"""`python -m bench`: import N and 10·N rows, re-import, build the brief; print ratios measured in one run.

Absolute times depend on the machine; the ratios between two sizes measured in the same run do
not, so they are what to compare across machines and commits.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.generate import AS_OF, write_dataset
from bench.measure import (
    BriefResult,
    ImportResult,
    MeasurementFailed,
    fresh_copy,
    measure_brief,
    measure_import,
    migrated_template,
)

DEFAULT_ROWS = 10_000
QUICK_ROWS = 1_000
SCALE = 10


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--rows", type=int, default=DEFAULT_ROWS, help=f"rows of the small run; the large one has {SCALE}x as many"
    )
    parser.add_argument("--quick", action="store_true", help=f"a smoke run with {QUICK_ROWS} rows")
    parser.add_argument("--repeats", type=int, default=5, help="brief timings per size; the fastest counts")
    parser.add_argument("--seed", type=int, default=0, help="seed of the data generator")
    return parser.parse_args(argv)


def mb(kb: int) -> str:
    return f"{kb / 1024:.1f}"


def import_table(runs: dict[str, ImportResult]) -> Table:
    """Return one row per import: size, time, speed, memory and what it changed."""
    table = Table("import", "rows", "seconds", "rows/s", "peak MB", "+MB", "created", "unchanged", title="Import")
    for label, run in runs.items():
        table.add_row(
            label,
            f"{run.rows:,}",
            f"{run.seconds:.2f}",
            f"{run.rows_per_second:,.0f}",
            mb(run.rss_peak_kb),
            mb(run.growth_kb),
            f"{run.created:,}",
            f"{run.unchanged:,}",
        )
    return table


def ratio(large: float, small: float) -> str:
    return f"{large / small:.2f}" if small else "n/a"


def report(console: Console, runs: dict[str, ImportResult], briefs: tuple[BriefResult, BriefResult]) -> bool:
    """Print the tables and ratios; return whether every check of correctness held."""
    small, large, again = runs["small"], runs["large"], runs["re-import"]
    console.print(import_table(runs))
    rows_ratio = large.rows / small.rows
    console.print(f"rows ratio (large/small):          {rows_ratio:.2f}")
    console.print(f"import time ratio (large/small):   {ratio(large.seconds, small.seconds)}  (linear ≈ rows ratio)")
    console.print(f"peak memory ratio (large/small):   {ratio(large.rss_peak_kb, small.rss_peak_kb)}  (streaming ≪ 10)")
    growth = ratio(large.growth_kb, small.growth_kb)
    console.print(f"memory growth ratio (large/small): {growth}  (+MB: peak above Django's own)")
    changed = again.created + again.updated
    console.print(
        f"re-import time / first import:     {ratio(again.seconds, large.seconds)}  "
        f"({'changed nothing' if not changed else f'CHANGED {changed:,} records'})"
    )
    brief_small, brief_large = briefs
    equal = brief_small.queries == brief_large.queries
    console.print(
        f"brief as of {AS_OF}: queries: {brief_small.queries} vs {brief_large.queries} "
        f"({'equal' if equal else 'NOT EQUAL'})"
    )
    console.print(
        f"brief time ratio (large/small):    {ratio(brief_large.seconds, brief_small.seconds)}  "
        f"({brief_small.seconds * 1000:.0f} ms vs {brief_large.seconds * 1000:.0f} ms)"
    )
    return equal and not changed


def run(rows: int, repeats: int, seed: int, console: Console) -> bool:
    """Generate both sizes, import, re-import and brief them; return whether the checks held."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="msaada-bench-") as temp:
        root = Path(temp)
        template = migrated_template(root / "template")
        runs: dict[str, ImportResult] = {}
        databases: dict[str, Path] = {}
        for label, size in (("small", rows), ("large", rows * SCALE)):
            console.print(f"[dim]{label}: generating {size:,} rows, importing…[/dim]")
            dataset = write_dataset(root / f"data-{label}", size, seed)
            databases[label] = fresh_copy(template, root / f"var-{label}")
            runs[label] = measure_import(databases[label], dataset.folder, dataset.rows)
        console.print("[dim]large: importing the same files again…[/dim]")
        runs["re-import"] = measure_import(databases["large"], root / "data-large", runs["large"].rows)
        console.print("[dim]building the brief for both sizes…[/dim]")
        briefs = (measure_brief(databases["small"], AS_OF, repeats), measure_brief(databases["large"], AS_OF, repeats))
    sound = report(console, runs, briefs)
    console.print(f"[dim]bench took {time.perf_counter() - started:.0f} s[/dim]")
    return sound


def main(argv: list[str]) -> int:
    """Run the bench; exit 1 when a check of correctness failed, 2 when a measurement did not finish."""
    args = parse_args(argv)
    rows = QUICK_ROWS if args.quick else args.rows
    console = Console(highlight=False)
    try:
        return 0 if run(rows, args.repeats, args.seed, console) else 1
    except MeasurementFailed as failed:
        console.print(f"[red]{failed}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
