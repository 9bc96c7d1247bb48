"""Write a benchmark mission in the import format: a small fixed base and large files of a chosen size.

Rows are produced by generators and written one by one, so the generator's memory does not grow
with the size asked for, and a seeded random source makes the same size give the same files.
"""

import csv
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

MISSION = "BENCH"
START = date(2023, 10, 2)  # first day of the first mandate; every large-file row is dated from here on
END = date(2026, 9, 30)  # last day any large-file row is dated
FIRST_RATE = date(2023, 1, 1)  # the first CAD rate, well before the first flow
AS_OF = date(2026, 6, 30)  # the brief's date: late enough that most rows count

# Real ISO 3166 alpha-3 codes: the importer checks them with pycountry.
CONTRIBUTORS = (
    "KEN",
    "JAM",
    "BHS",
    "BLZ",
    "GTM",
    "SLV",
    "BEN",
    "TCD",
    "BGD",
    "BRB",
    "SEN",
    "RWA",
    "NGA",
    "GHA",
    "CAN",
    "USA",
    "FRA",
    "ESP",
    "MEX",
    "BRA",
    "CHL",
    "PER",
    "COL",
    "ARG",
    "URY",
    "PAN",
    "CRI",
    "DOM",
    "TTO",
    "GUY",
    "SUR",
    "ATG",
    "KNA",
    "LCA",
    "VCT",
    "GRD",
    "DMA",
    "NPL",
    "PAK",
    "IND",
    "LKA",
    "ZAF",
    "ZMB",
    "MWI",
    "TZA",
    "UGA",
    "ETH",
)
DONORS = ("USA", "CAN", "FRA", "ESP", "BRA", "KEN", "JAM", "MEX", "CHL", "ZAF")
CATEGORIES = ("police", "military", "civilian")
STAGES = ("pledge", "commitment", "paid")
FUNDS = ("trust-fund", "bilateral-usa", "bilateral-can")
SERVICE_LINES = ("accommodation", "medical", "mobility", "rations", "fuel", "air transport")
SOURCES = ("bench-report", "bench-news", "bench-illustrative")
BUDGET_LINES = ("rations", "fuel", "medical", "air transport", "accommodation", "allowances")

# How the large rows are shared: flows and deployments carry the brief's biggest figures.
SHARES = {"deployments": 0.4, "flows": 0.4, "expenditures": 0.2}
CITED_EVERY = 20  # one large-file row in 20 cites a source, so the citation path is measured too


@dataclass(frozen=True)
class Dataset:
    """A generated folder: how many data rows it holds in all and in its large files."""

    folder: Path
    rows: int
    large_rows: int


def write_dataset(folder: Path, rows: int, seed: int = 0) -> Dataset:
    """Write the base files and `rows` rows of large files into `folder`; return what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)  # noqa: S311 - made-up records, not secrets
    written = 0
    for name, header, body in _base_files(rng):
        written += _write(folder / f"{name}.csv", header, body)
    large = 0
    remaining = rows
    makers = {"deployments": _deployments, "flows": _flows, "expenditures": _expenditures}
    for position, (name, share) in enumerate(SHARES.items()):
        count = remaining if position == len(SHARES) - 1 else round(rows * share)
        remaining -= count
        header, body = makers[name](rng, count)
        large += _write(folder / f"{name}.csv", header, body)
    return Dataset(folder, written + large, large)


def _write(path: Path, header: list[str], body: Iterable[list[object]]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in body:
            writer.writerow(row)
            count += 1
    return count


def _day(rng: random.Random, first: date = START, last: date = END) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _cite(rng: random.Random) -> str:
    return rng.choice(SOURCES) if rng.randrange(CITED_EVERY) == 0 else ""


def _base_files(rng: random.Random) -> Iterator[tuple[str, list[str], Iterable[list[object]]]]:
    """Yield (file name, header, rows) for the small files every size shares."""
    yield (
        "sources",
        ["key", "title", "publisher", "date", "url", "kind"],
        [
            ["bench-report", "Benchmark report", "Msaada bench", "2024-01-01", "https://example.org/report", "report"],
            ["bench-news", "Benchmark news", "", "", "", "news"],
            ["bench-illustrative", "Generated for the benchmark", "", "", "", "illustrative"],
        ],
    )
    yield (
        "missions",
        ["code", "name", "host_country", "lead_country", "base_currency", "source"],
        [
            [MISSION, "Benchmark mission", "HTI", "KEN", "USD", "bench-report"],
        ],
    )
    organizations = [[f"gov-{code.lower()}", f"Government of {code}", "government", code] for code in DONORS]
    organizations += [
        ["un-ops", "Fund manager", "multilateral", ""],
        ["vendor-co", "Life support company", "company", "USA"],
    ]
    yield "organizations", ["key", "name", "kind", "country"], organizations
    yield (
        "funds",
        ["key", "name", "manager", "kind"],
        [
            ["trust-fund", "Trust fund", "un-ops", "trust_fund"],
            ["bilateral-usa", "Bilateral USA", "gov-usa", "bilateral"],
            ["bilateral-can", "Bilateral Canada", "gov-can", "bilateral"],
        ],
    )
    # Monthly rates, so each flow's own date picks a different one.
    months = [date(FIRST_RATE.year + m // 12, m % 12 + 1, 1) for m in range(48)]
    yield (
        "fx_rates",
        ["date", "currency", "per_usd"],
        [[month.isoformat(), "CAD", f"{1.30 + rng.randrange(1000) / 10000:.4f}"] for month in months],
    )
    yield (
        "mandates",
        ["authority", "start", "end", "authorized_strength", "source"],
        [
            ["Bench resolution 1", "2023-10-02", "2024-10-01", "2500", "bench-report"],
            ["Bench resolution 2", "2024-10-02", "2026-10-01", "5500", "bench-report"],
        ],
    )
    yield (
        "pledges",
        ["contributor", "category", "count", "date", "status"],
        [
            [code, rng.choice(CATEGORIES), str(rng.randrange(50, 1000)), _day(rng).isoformat(), status]
            for code in CONTRIBUTORS
            for status in ("pledged", "confirmed")
        ],
    )
    sites = [f"Site {n}" for n in range(10)]
    yield (
        "sites",
        ["name", "kind", "latitude", "longitude"],
        [[name, rng.choice(("airport", "police", "school", "hospital")), "18.5", "-72.3"] for name in sites],
    )
    yield (
        "site_status",
        ["site", "date", "status"],
        [
            [name, _day(rng).isoformat(), rng.choice(("hostile", "contested", "secured", "reopened"))]
            for name in sites
            for _ in range(3)
        ],
    )
    yield (
        "contracts",
        ["service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity"],
        [
            [
                line,
                "Vendor",
                "vendor-co",
                start.isoformat(),
                (start + timedelta(days=364)).isoformat(),
                "1000000",
                "USD",
                "2500",
            ]
            for line in SERVICE_LINES
            for start in (START, START + timedelta(days=365), START + timedelta(days=730 + rng.randrange(30)))
        ],
    )


def _deployments(rng: random.Random, count: int) -> tuple[list[str], Iterator[list[object]]]:
    """Return arrivals only, so no contributor's strength ever falls below zero."""

    def rows() -> Iterator[list[object]]:
        for n in range(count):
            code = rng.choice(CONTRIBUTORS)
            # A ref on some rows only: the others are identified by their content.
            ref = f"D{n}" if n % 3 == 0 else ""
            unit = f"{code} unit {rng.randrange(40)}"
            yield [
                ref,
                code,
                unit,
                rng.choice(CATEGORIES),
                "arrival",
                rng.randrange(1, 60),
                _day(rng).isoformat(),
                _cite(rng),
            ]

    return ["ref", "contributor", "unit", "category", "change", "count", "date", "source"], rows()


def _flows(rng: random.Random, count: int) -> tuple[list[str], Iterator[list[object]]]:
    """Return contributions of one to three stages that share a ref; a few flows have no ref."""

    def rows() -> Iterator[list[object]]:
        written, contribution = 0, 0
        while written < count:
            contribution += 1
            donor = rng.choice(DONORS)
            fund = rng.choice(FUNDS)
            currency = "CAD" if rng.randrange(4) == 0 else "USD"
            amount = rng.randrange(10_000, 5_000_000)
            day = _day(rng, START, END - timedelta(days=120))
            ref = f"C{contribution}" if contribution % 10 else ""
            for stage in STAGES[: rng.randrange(1, 4)]:
                if written == count:
                    break
                cents = rng.randrange(100)
                yield [
                    ref,
                    fund,
                    f"gov-{donor.lower()}",
                    stage,
                    f"{amount}.{cents:02d}",
                    currency,
                    day.isoformat(),
                    _cite(rng),
                ]
                written += 1
                day += timedelta(days=rng.randrange(1, 60))

    return ["ref", "fund", "donor", "stage", "amount", "currency", "date", "source"], rows()


def _expenditures(rng: random.Random, count: int) -> tuple[list[str], Iterator[list[object]]]:
    def rows() -> Iterator[list[object]]:
        for _ in range(count):
            currency = "CAD" if rng.randrange(5) == 0 else "USD"
            amount = f"{rng.randrange(100, 200_000)}.{rng.randrange(100):02d}"
            yield [rng.choice(FUNDS), rng.choice(BUDGET_LINES), amount, currency, _day(rng).isoformat(), _cite(rng)]

    return ["fund", "budget_line", "amount", "currency", "date", "source"], rows()
