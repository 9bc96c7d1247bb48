"""The brief of imported CSVs agrees with an independent oracle, to the cent and the day, for any small scenario."""

import csv
import json
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import NamedTuple

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msaada.finance.models import Expenditure, Flow, FxRate
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Asset, Contract
from msaada.missions.models import Incident, Mandate, Site, SiteStatus
from tests.readiness import oracle

pytestmark = pytest.mark.django_db

CODE = "TST"
START = date(2025, 1, 1)
SPAN = 300  # days after START that records fall in
CONTRIBUTORS = ("BHS", "JAM", "KEN", "SLV")
CURRENCIES = ("USD", "EUR", "CAD", "JPY")
LINES = ("Accommodation", "Medical", "Rations")
SITES = ("Airport", "Palace", "Port")
# Sites a few hundred metres to a few km apart; incidents land on a grid of 0.001 degrees (about 111 m) around
# them, so that some fall within 2 km of one site and not another, and none within a float's error of 2 km.
SITE_PLACES = (
    (Decimal("18.58"), Decimal("-72.29")),
    (Decimal("18.595"), Decimal("-72.29")),
    (Decimal("18.58"), Decimal("-72.27")),
)
KINDS = ("Armoured vehicle", "Helicopter")
FIRST_RATE = START - timedelta(days=31)

FIXED: oracle.Rows = {
    "missions.csv": [],  # filled per scenario with its base currency
    "organizations.csv": [
        {"key": "un", "name": "United Nations", "kind": "multilateral", "country": ""},
        {"key": "can-gov", "name": "Government of Canada", "kind": "government", "country": "CAN"},
        {"key": "us-gov", "name": "Government of the United States", "kind": "government", "country": "USA"},
    ],
    "funds.csv": [
        {"key": "tf", "name": "Trust fund", "manager": "un", "kind": "trust_fund"},
        {"key": "bil", "name": "Bilateral channel", "manager": "us-gov", "kind": "bilateral"},
    ],
}


class Rollback(Exception):
    """Raised to undo an example's import, so the next example starts from an empty database."""


def iso(day: date) -> str:
    return day.isoformat()


def plain(value: Decimal) -> str:
    """Write a decimal the way the import reads it: no exponent."""
    return format(value, "f")


offsets = st.integers(0, SPAN)
# Rates and amounts that divide badly (3, 7, 0.045) or sit on half a cent (0.005, 0.015) beside ordinary ones.
rates = st.one_of(
    st.sampled_from(["3", "7", "0.045", "0.92", "1.35", "1.3531", "149.5"]),
    st.decimals(min_value=Decimal("0.01"), max_value=500, places=4).map(plain),
    st.decimals(min_value=Decimal("0.00000001"), max_value=2, places=8).map(plain),
)
amounts = st.one_of(
    st.sampled_from(["0", "0.0001", "0.005", "0.015", "0.45", "25", "50", "75", "100", "300", "1000000"]),
    # Magnitudes from cents to a trillion, so that cash and spending meet at every ratio.
    st.integers(0, 12).flatmap(lambda e: st.decimals(min_value=0, max_value=10**e, places=4)).map(plain),
    st.integers(0, 10**6).map(str),
)


@st.composite
def periods(draw, count: st.SearchStrategy[int], longest: int) -> list[tuple[date, date]]:
    """Draw periods that overlap, touch, leave a gap after, start with or repeat the one before them."""
    result: list[tuple[date, date]] = []
    for _ in range(draw(count)):
        length = draw(st.integers(0, longest))
        how = draw(st.sampled_from(["free", "touch", "overlap", "gap", "same_start", "same"])) if result else "free"
        last_start, last_end = result[-1] if result else (START, START)
        start = {
            "free": START + timedelta(days=draw(offsets)),
            "touch": last_end + timedelta(days=1),
            "overlap": last_end - timedelta(days=draw(st.integers(0, 30))),
            "gap": last_end + timedelta(days=draw(st.integers(2, 20))),
            "same_start": last_start,
            "same": last_start,
        }[how]
        if how == "same":
            length = (last_end - last_start).days
        result.append((start, start + timedelta(days=length)))
    return result


@st.composite
def mission_files(draw, code: str) -> tuple[oracle.Rows, list[date]]:
    """Draw the import files of one mission, and the few dates its records share."""
    pool = [START + timedelta(days=draw(offsets)) for _ in range(4)]
    # Records share a few dates so that same-day pledges, statuses and instalments happen often.
    days = st.one_of(st.sampled_from(pool), offsets.map(lambda n: START + timedelta(days=n)))
    base = draw(st.sampled_from(["USD", "USD", "EUR", "CAD", "JPY"]))
    files: oracle.Rows = {name: list(rows) for name, rows in FIXED.items()}
    files["missions.csv"] = [
        {"code": code, "name": "Test mission", "host_country": "HTI", "lead_country": "KEN", "base_currency": base}
    ]

    files["fx_rates.csv"] = []
    for currency in CURRENCIES[1:]:
        # A first rate before every record, as the import requires, then a few later ones.
        quoted = {FIRST_RATE, *draw(st.lists(days, max_size=2))}
        files["fx_rates.csv"] += [
            {"date": iso(d), "currency": currency, "per_usd": draw(rates)} for d in sorted(quoted)
        ]

    files["mandates.csv"] = [
        {
            "authority": f"Resolution {n}",
            "start": iso(start),
            "end": iso(end),
            "authorized_strength": str(draw(st.sampled_from([0, 400, 1000, 2000, 2500]) | st.integers(0, 3000))),
        }
        for n, (start, end) in enumerate(draw(periods(st.sampled_from([0, 1, 1, 2, 3]), longest=400)), start=2700)
    ]

    files["pledges.csv"] = [
        {
            "contributor": draw(st.sampled_from(CONTRIBUTORS)),
            "category": draw(st.sampled_from(["police", "military"])),
            "count": str(draw(st.integers(0, 1000))),
            "date": iso(draw(days)),
            "status": draw(st.sampled_from(["pledged", "confirmed", "withdrawn"])),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]

    events = sorted(
        (
            draw(days),
            draw(st.sampled_from(CONTRIBUTORS)),
            draw(st.sampled_from(["arrival", "arrival", "departure"])),
            draw(st.integers(0, 600)),
        )
        for _ in range(draw(st.integers(0, 8)))
    )
    strength = dict.fromkeys(CONTRIBUTORS, 0)
    files["deployments.csv"] = []
    for day, country, change, count in events:
        if change == "departure":
            count = min(count, strength[country])  # never below zero, as the import demands
        strength[country] += count if change == "arrival" else -count
        files["deployments.csv"].append(
            {
                "contributor": country,
                "unit": "Contingent",
                "category": "police",
                "change": change,
                "count": str(count),
                "date": iso(day),
            }
        )

    files["flows.csv"] = [
        {
            "ref": draw(st.sampled_from(["", "", "C-1", "C-2", "C-3"])),
            "fund": draw(st.sampled_from(["tf", "bil"])),
            "donor": draw(st.sampled_from(["can-gov", "us-gov"])),
            "stage": draw(st.sampled_from(["pledge", "commitment", "paid", "paid"])),
            "amount": draw(amounts),
            "currency": draw(st.sampled_from(CURRENCIES)),
            "date": iso(draw(days)),
        }
        for _ in range(draw(st.integers(0, 10)))
    ]
    if draw(st.integers(0, 3)) == 0:
        # Pay exactly three quarters of some pledges, the edge of UNPAID_PLEDGES.
        for row in [row for row in files["flows.csv"] if row["stage"] == "pledge"]:
            part = Decimal(row["amount"]) * 3 / 4
            if part == part.quantize(Decimal("0.0001")):
                files["flows.csv"].append({**row, "stage": "paid", "amount": plain(part)})

    files["expenditures.csv"] = [
        {
            "fund": "tf",
            "budget_line": draw(st.sampled_from(["Rations", "Fuel"])),
            "amount": draw(amounts),
            "currency": draw(st.sampled_from(CURRENCIES)),
            "date": iso(draw(days)),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]

    files["contracts.csv"] = [
        {
            "service_line": line,
            "vendor": "Vendor",
            "funder": "us-gov",
            "start": iso(start),
            "end": iso(end),
            "value": "1000",
            "currency": "USD",
            "capacity": draw(st.sampled_from(["0", "0", "100", "500", "740", "1000", "2500"])),
        }
        for line in draw(st.lists(st.sampled_from(LINES), max_size=3, unique=True))
        for start, end in draw(periods(st.integers(1, 3), longest=200))
    ]

    sites = draw(st.lists(st.sampled_from(SITES), max_size=3, unique=True))
    places = {name: draw(st.sampled_from(SITE_PLACES)) for name in sites}
    files["sites.csv"] = [
        {"name": name, "kind": "airport", "latitude": plain(places[name][0]), "longitude": plain(places[name][1])}
        for name in sites
    ]
    files["assets.csv"] = [
        {
            "kind": draw(st.sampled_from(KINDS)),
            "owner": draw(st.sampled_from(["us-gov", "can-gov"])),
            "date": iso(draw(days)),
            "total": str(total),
            "operational": str(draw(st.integers(0, total))),
        }
        for total in draw(st.lists(st.sampled_from([0, 1, 2, 4, 8, 10]) | st.integers(0, 30), max_size=6))
    ]
    near = st.sampled_from([*SITE_PLACES, (Decimal("18.6"), Decimal("-72.3"))])
    files["incidents.csv"] = []
    # Incidents cluster on the shared dates, so that three fall in one window near one site now and then.
    for _ in range(draw(st.integers(0, 12))):
        latitude, longitude = draw(near)
        north, east = draw(st.integers(-25, 25)), draw(st.integers(-25, 25))
        files["incidents.csv"].append(
            {
                "event_date": iso(draw(st.sampled_from(pool[:2]) | days)),
                "event_type": draw(st.sampled_from(["Battles", "Riots", "Violence against civilians"])),
                "sub_event_type": "Armed clash",
                "actor1": "Gang",
                "admin1": "Ouest",
                "location": "Port-au-Prince",
                "latitude": plain(latitude + Decimal(north) / 1000),
                "longitude": plain(longitude + Decimal(east) / 1000),
                "fatalities": str(draw(st.integers(0, 12))),
                "notes": "",
            }
        )
    files["site_status.csv"] = [
        {
            "site": draw(st.sampled_from(sites)),
            "date": iso(draw(days)),
            "status": draw(st.sampled_from(["hostile", "contested", "secured", "reopened"])),
        }
        for _ in range(draw(st.integers(0, 6) if sites else st.just(0)))
    ]
    return files, pool


class Scenario(NamedTuple):
    """The files of the mission under test, the rows archived after the import, another mission, the dates."""

    files: oracle.Rows
    archived: dict[str, set[int]]  # positions of rows in their file
    other: oracle.Rows | None
    dates: list[date]


@st.composite
def scenarios(draw) -> Scenario:
    """Draw the mission under test, records of it to archive, maybe another mission, and dates to brief it on."""
    files, pool = draw(mission_files(CODE))
    archived = {
        name: draw(st.sets(st.sampled_from(candidates), max_size=2))
        if candidates and draw(st.integers(0, 3)) == 0
        else set()
        for name, candidates in ((name, archivable(files, name)) for name in ARCHIVABLE)
    }
    other = None
    if draw(st.booleans()):
        # Another mission's records in the same tables must not leak into this one's brief; exchange
        # rates and organizations are shared by every mission, so it brings none of its own.
        other, _pool = draw(mission_files("OTH"))
        other = {name: rows for name, rows in other.items() if name not in ("fx_rates.csv", "organizations.csv")}
    return Scenario(files, archived, other, draw(as_of_dates(files, pool)))


ARCHIVABLE = {
    "mandates.csv": Mandate,
    "pledges.csv": Pledge,
    "deployments.csv": Deployment,
    "flows.csv": Flow,
    "expenditures.csv": Expenditure,
    "contracts.csv": Contract,
    "sites.csv": Site,
    "site_status.csv": SiteStatus,
    "fx_rates.csv": FxRate,
    "assets.csv": Asset,
    "incidents.csv": Incident,
}


def archivable(files: oracle.Rows, name: str) -> list[int]:
    """Return the rows that may be archived without making the records invalid."""
    rows = files[name]
    if name == "deployments.csv":  # archiving an arrival could leave a contributor's strength below zero
        return [n for n, row in enumerate(rows) if row["change"] == "departure"]
    if name == "fx_rates.csv":  # every currency keeps the rate that precedes all records
        return [n for n, row in enumerate(rows) if row["date"] != iso(FIRST_RATE)]
    return list(range(len(rows)))


def current(files: oracle.Rows, archived: dict[str, set[int]]) -> oracle.Rows:
    """Return the rows the brief should see: those not archived."""
    return {
        name: [row for n, row in enumerate(rows) if n not in archived.get(name, ())] for name, rows in files.items()
    }


def archive(archived: dict[str, set[int]]) -> None:
    """Archive the records imported from the given rows, found in file order by pk."""
    for name, positions in archived.items():
        records = ARCHIVABLE[name].objects.order_by("pk")
        if name != "fx_rates.csv":
            records = records.filter(mission__code=CODE)
        records = list(records)
        for position in positions:
            records[position].archive()


def as_of_dates(files: oracle.Rows, pool: list[date]) -> st.SearchStrategy[list[date]]:
    """Dates on the scenario's boundaries (periods' ends, thresholds of days left, the 90-day window) and others."""
    edges = set(pool)
    for row in files["mandates.csv"] + files["contracts.csv"]:
        start, end = date.fromisoformat(row["start"]), date.fromisoformat(row["end"])
        edges |= {start - timedelta(days=1), start}
        edges |= {end - timedelta(days=n) for n in (-1, 0, 30, 31, 90, 91)}
    for row in files["expenditures.csv"]:
        spent = date.fromisoformat(row["date"])
        edges |= {spent, spent + timedelta(days=89), spent + timedelta(days=90)}
    for row in files["incidents.csv"]:
        happened = date.fromisoformat(row["event_date"])
        edges |= {happened, happened + timedelta(days=29), happened + timedelta(days=30)}
    # From before the first exchange rate to well after the last record.
    anywhere = st.integers(-60, SPAN + 150).map(lambda n: START + timedelta(days=n))
    return st.lists(st.sampled_from(sorted(edges)) | anywhere, min_size=1, max_size=4, unique=True)


def write(folder: Path, files: oracle.Rows) -> Path:
    """Write the files as CSV into a new folder and return it."""
    folder.mkdir()
    for name, rows in files.items():
        if rows:
            with (folder / name).open("w", encoding="utf-8", newline="") as file:
                writer = csv.DictWriter(file, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
    return folder


def implementation(as_of: date) -> dict:
    """Return the figures of `msaada brief --format json` in the oracle's JSON shape."""
    out = StringIO()
    call_command("brief", "--mission", CODE, "--as-of", iso(as_of), "--format", "json", stdout=out)
    data = json.loads(out.getvalue(), parse_float=Decimal)
    mandate, strength = data["mandate"], data["strength"]
    return {
        "mandate": mandate
        and {key: mandate[key] for key in ("authority", "start", "end", "active", "days_left", "authorized_strength")},
        "strength": {
            **{key: strength[key] for key in ("deployed", "pledged", "authorized")},
            "deployed_pct": None if strength["deployed_pct"] is None else Decimal(str(strength["deployed_pct"])),
            "by_contributor": [
                {key: row[key] for key in ("contributor", "deployed", "pledged")} for row in strength["by_contributor"]
            ],
        },
        "funding": data["funding"],
        "life_support": [
            {key: line[key] for key in ("service_line", "covered_until", "gap_days_before_mandate_end", "capacity")}
            for line in data["life_support"]
        ],
        "sites": [
            {key: site[key] for key in ("name", "status", "since", "incidents_nearby")} for site in data["sites"]
        ],
        "equipment": [
            {
                **kind,
                "operational_pct": None if kind["operational_pct"] is None else Decimal(str(kind["operational_pct"])),
            }
            for kind in data["equipment"]
        ],
        "incidents": data["incidents"],
        "risks": [[risk["code"], risk["severity"], risk.get("subject")] for risk in data["risks"]],
    }


def check(
    files: oracle.Rows, dates: list[date], archived: dict[str, set[int]] | None = None, other: oracle.Rows | None = None
) -> None:
    """Import the files (and another mission's) into an empty database and compare the brief with the oracle."""
    seen = current(files, archived or {})
    with tempfile.TemporaryDirectory() as folder, pytest.raises(Rollback), transaction.atomic():
        call_command("import", write(Path(folder, CODE), files), mission=CODE, stdout=StringIO())
        if other:
            call_command("import", write(Path(folder, "OTH"), other), mission="OTH", stdout=StringIO())
        archive(archived or {})
        for as_of in dates:
            expected, found = oracle.as_json(oracle.brief(seen, as_of)), implementation(as_of)
            for part in expected:
                assert found[part] == expected[part], f"{part} as of {as_of}"
        raise Rollback


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=scenarios())
def test_brief_agrees_with_the_oracle(db, scenario: Scenario) -> None:
    check(scenario.files, scenario.dates, scenario.archived, scenario.other)


def usd_mission(**files: list[dict[str, str]]) -> oracle.Rows:
    """Return a USD mission's files: the fixed ones, a CAD rate before everything, and those given."""
    rows = {name: list(r) for name, r in FIXED.items()}
    rows["missions.csv"] = [
        {"code": CODE, "name": "Test mission", "host_country": "HTI", "lead_country": "KEN", "base_currency": "USD"}
    ]
    rows["fx_rates.csv"] = [{"date": "2024-12-01", "currency": "CAD", "per_usd": "1.35"}]
    rows |= {name: [] for name in ARCHIVABLE if name not in rows}
    return rows | {name.replace("_csv", ".csv"): r for name, r in files.items()}


def flow(stage: str, amount: str, currency: str = "CAD", on: str = "2025-01-01") -> dict[str, str]:
    return {
        "ref": "",
        "fund": "tf",
        "donor": "can-gov",
        "stage": stage,
        "amount": amount,
        "currency": currency,
        "date": on,
    }


# Paid 200 CAD and spent 100 CAD on the same day at 1.35 CAD per USD: the cash is exactly 90 days of
# spending (148.15 - 74.07 USD against 0.82 USD a day). DESIGN.md: "conversions and sums are exact";
# README: runway_days = floor(cash * 90 / the 90-day expenditures), "exact". Converted at 60 significant
# digits, the brief once said 89 days, to 2025-03-31, and reported a FUNDING_RUNWAY (medium) against a
# mandate ending 2025-04-01 that the money reaches.
RUNWAY_FLOOR = usd_mission(
    mandates_csv=[
        {"authority": "Resolution 2751", "start": "2024-10-02", "end": "2025-04-01", "authorized_strength": "0"}
    ],
    flows_csv=[flow("paid", "200")],
    expenditures_csv=[
        {"fund": "tf", "budget_line": "Rations", "amount": "100", "currency": "CAD", "date": "2025-01-01"}
    ],
)

# Pledged 100 CAD, paid 75 CAD at 1.3531 CAD per USD: exactly 25 % unpaid, which README's UNPAID_PLEDGES
# ("pledged - paid > 25 % of pledged, compared exactly, unrounded") does not flag; 60 digits flagged it.
UNPAID_AT_A_QUARTER = usd_mission(
    fx_rates_csv=[{"date": "2024-12-01", "currency": "CAD", "per_usd": "1.3531"}],
    flows_csv=[flow("pledge", "100"), flow("paid", "75")],
)


def test_the_oracle_is_exact_on_the_boundaries_reached_through_a_conversion() -> None:
    runway = oracle.as_json(oracle.brief(RUNWAY_FLOOR, date(2025, 1, 1)))
    assert (runway["funding"]["runway_days"], runway["funding"]["runway_end"]) == (90, "2025-04-01")
    assert runway["risks"] == [["MANDATE_EXPIRY", "medium", None]]
    unpaid = oracle.as_json(oracle.brief(UNPAID_AT_A_QUARTER, date(2025, 1, 1)))
    assert (unpaid["funding"]["pledged"], unpaid["funding"]["paid"], unpaid["risks"]) == ("73.90", "55.43", [])


def test_runway_of_a_whole_number_of_days_through_a_conversion(db) -> None:
    check(RUNWAY_FLOOR, [date(2025, 1, 1)])


def test_unpaid_pledges_of_exactly_a_quarter_through_a_conversion(db) -> None:
    check(UNPAID_AT_A_QUARTER, [date(2025, 1, 1)])
