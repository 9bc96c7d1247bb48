"""An independent brief: DESIGN.md's definitions and the README's choices, in plain Python over import rows.

It reads the rows of the import format as `csv.DictReader` gives them (every value a string) and
knows nothing of the database or of `msaada/`. Money is kept as exact fractions, which DESIGN.md's
"conversions and sums are exact" asks for and a decimal context of any precision only approximates
(1 / 3 * 3); it is rounded half-even to the cent only when written as a string.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from math import asin, cos, floor, radians, sin, sqrt

Rows = dict[str, list[dict[str, str]]]
Risk = tuple[str, str, str | None]

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
WINDOW_DAYS = 90


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _money(text: str) -> Fraction:
    return Fraction(Decimal(text))


def round_half_even(value: Fraction, places: int) -> int:
    """Return value * 10**places rounded half-even to a whole number."""
    scaled = value * 10**places
    whole = floor(scaled)
    rest = scaled - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2):
        whole += 1
    return whole


def money_text(value: Fraction) -> str:
    """Write money with two decimals, rounded half-even; a value that rounds to zero is "0.00", never "-0.00"."""
    cents = round_half_even(value, 2)
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


class Rates:
    """Units of each currency per US dollar, the latest on or before a date."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.by_currency: dict[str, list[tuple[date, Fraction]]] = defaultdict(list)
        for row in rows:
            self.by_currency[row["currency"]].append((_day(row["date"]), _money(row["per_usd"])))
        for quotes in self.by_currency.values():
            quotes.sort()

    def per_usd(self, currency: str, on: date) -> Fraction:
        if currency == "USD":
            return Fraction(1)
        known = [rate for day, rate in self.by_currency.get(currency, []) if day <= on]
        if not known:
            raise LookupError(f"no exchange rate for {currency} on or before {on}")
        return known[-1]

    def convert(self, amount: Fraction, currency: str, base: str, on: date) -> Fraction:
        """Convert through USD at the latest rates on or before `on`; an amount in the base needs no rate."""
        if currency == base:
            return amount
        return amount / self.per_usd(currency, on) * self.per_usd(base, on)


def _mandate(rows: list[dict[str, str]], as_of: date) -> dict | None:
    mandates = [
        {
            "authority": row["authority"],
            "start": _day(row["start"]),
            "end": _day(row["end"]),
            "authorized_strength": int(row["authorized_strength"]),
            "pk": pk,
        }
        for pk, row in enumerate(rows)
    ]

    def latest(candidates: list[dict]) -> dict | None:
        # The one that started last; same start: the later end, then the later row (the higher pk).
        return max(candidates, key=lambda m: (m["start"], m["end"], m["pk"]), default=None)

    running = latest([m for m in mandates if m["start"] <= as_of <= m["end"]])
    chosen = running or latest([m for m in mandates if m["start"] <= as_of])
    if chosen is None:
        return None
    return {
        "authority": chosen["authority"],
        "start": chosen["start"],
        "end": chosen["end"],
        "active": running is not None,
        "days_left": (chosen["end"] - as_of).days,
        "authorized_strength": chosen["authorized_strength"],
    }


def _strength(files: Rows, as_of: date, mandate: dict | None) -> dict:
    deployed: dict[str, int] = defaultdict(int)
    seen: set[str] = set()
    for row in files.get("deployments.csv", []):
        if _day(row["date"]) <= as_of:
            sign = 1 if row["change"] == "arrival" else -1
            deployed[row["contributor"]] += sign * int(row["count"])
            seen.add(row["contributor"])
    latest: dict[tuple[str, str], tuple[date, int, dict[str, str]]] = {}
    for pk, row in enumerate(files.get("pledges.csv", [])):
        day = _day(row["date"])
        if day > as_of:
            continue
        seen.add(row["contributor"])
        key = (row["contributor"], row["category"])
        # Same date: the later row (the higher pk) replaces the earlier.
        if key not in latest or (day, pk) > latest[key][:2]:
            latest[key] = (day, pk, row)
    pledged: dict[str, int] = defaultdict(int)
    for (contributor, _category), (*_when, row) in latest.items():
        pledged[contributor] += 0 if row["status"] == "withdrawn" else int(row["count"])
    total_deployed = sum(deployed.values())
    authorized = mandate["authorized_strength"] if mandate else None
    pct = None
    if authorized:
        pct = Decimal(round_half_even(Fraction(100 * total_deployed, authorized), 1)).scaleb(-1)
    return {
        "deployed": total_deployed,
        "pledged": sum(pledged.values()),
        "authorized": authorized,
        "deployed_pct": pct,
        "by_contributor": [
            {"contributor": code, "deployed": deployed[code], "pledged": pledged[code]} for code in sorted(seen)
        ],
    }


def runway_end(as_of: date, days: int) -> date:
    """Return the day `days` after as_of; an absurd runway is held within the calendar rather than overflowing it."""
    if days > (date.max - as_of).days:
        return date.max
    if -days > (as_of - date.min).days:
        return date.min
    return as_of + timedelta(days=days)


def _funding(files: Rows, as_of: date, base: str, mandate: dict | None) -> dict:
    rates = Rates(files.get("fx_rates.csv", []))
    stages: dict[str, Fraction] = defaultdict(Fraction)
    contributions: dict[tuple, dict[str, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    for pk, row in enumerate(files.get("flows.csv", [])):
        day = _day(row["date"])
        if day > as_of:
            continue
        amount = _money(row["amount"])
        stages[row["stage"]] += rates.convert(amount, row["currency"], base, day)
        # A contribution is a donor's flows sharing a non-empty ref and a currency; an unnamed flow stands alone.
        key = (row["currency"], row["ref"], row["donor"]) if row.get("ref") else (row["currency"], "", pk)
        contributions[key][row["stage"]] += amount
    unpaid = Fraction(0)
    for key, by_stage in contributions.items():
        owed = by_stage["commitment"] - by_stage["paid"]
        if owed > 0:
            unpaid += rates.convert(owed, key[0], base, as_of)
    spent = Fraction(0)
    window = Fraction(0)
    for row in files.get("expenditures.csv", []):
        day = _day(row["date"])
        if day > as_of:
            continue
        amount = rates.convert(_money(row["amount"]), row["currency"], base, day)
        spent += amount
        if (as_of - day).days < WINDOW_DAYS:
            window += amount
    cash = stages["paid"] - spent
    burn = window / WINDOW_DAYS
    runway = None if window == 0 else floor(cash * WINDOW_DAYS / window)
    days_left = max(mandate["days_left"], 0) if mandate else 0
    gap = max(Fraction(0), burn * days_left - cash - unpaid)
    return {
        "pledged": stages["pledge"],
        "committed": stages["commitment"],
        "paid": stages["paid"],
        "spent": spent,
        "cash": cash,
        "unpaid_commitments": unpaid,
        "daily_burn": burn,
        "runway_days": runway,
        "runway_end": None if runway is None else runway_end(as_of, runway),
        "gap_to_mandate_end": gap,
    }


def _covered_until(periods: list[tuple[date, date]], as_of: date) -> date | None:
    covering = [end for start, end in periods if start <= as_of <= end]
    if not covering:
        return None
    run_end = max(covering)
    extended = True
    while extended:
        # A contract that starts by the day after the run's end (overlapping or touching) extends it.
        extended = False
        for start, end in periods:
            if start <= run_end + timedelta(days=1) and end > run_end:
                run_end, extended = end, True
    return run_end


def _life_support(files: Rows, as_of: date, mandate: dict | None) -> list[dict]:
    periods: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for row in files.get("contracts.csv", []):
        periods[row["service_line"]].append((_day(row["start"]), _day(row["end"])))
    lines = []
    for name in sorted(periods):
        covered = _covered_until(periods[name], as_of)
        gap = None
        if mandate is not None:
            gap = max(0, (mandate["end"] - covered).days) if covered else (mandate["end"] - as_of).days
        lines.append({"service_line": name, "covered_until": covered, "gap_days_before_mandate_end": gap})
    return lines


def _sites(files: Rows, as_of: date) -> list[dict]:
    history: dict[str, list[tuple[date, int, str]]] = defaultdict(list)
    for pk, row in enumerate(files.get("site_status.csv", [])):
        day = _day(row["date"])
        if day <= as_of:
            history[row["site"]].append((day, pk, row["status"]))
    sites = []
    for name in sorted(row["name"] for row in files.get("sites.csv", [])):
        statuses = sorted(history[name])  # by date, then by row (pk): the last is the latest
        day, _pk, status = statuses[-1] if statuses else (None, None, None)
        # SITE_LOST: hostile now, secured or reopened at some status before it (same date: an earlier row).
        earlier = {s for _d, _p, s in statuses[:-1]}
        lost = status == "hostile" and bool(earlier & {"secured", "reopened"})
        sites.append({"name": name, "status": status, "since": day, "lost": lost})
    return sites


def _equipment(files: Rows, as_of: date) -> list[dict]:
    latest: dict[tuple[str, str], tuple[date, int, dict[str, str]]] = {}
    for pk, row in enumerate(files.get("assets.csv", [])):
        day = _day(row["date"])
        key = (row["kind"], row["owner"])
        # Same date: the later row (the higher pk) replaces the earlier.
        if day <= as_of and (key not in latest or (day, pk) > latest[key][:2]):
            latest[key] = (day, pk, row)
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (kind, _owner), (*_when, row) in latest.items():
        kinds[kind][0] += int(row["total"])
        kinds[kind][1] += int(row["operational"])
    return [
        {
            "kind": kind,
            "total": total,
            "operational": operational,
            "operational_pct": None
            if total == 0
            else Decimal(round_half_even(Fraction(100 * operational, total), 1)).scaleb(-1),
        }
        for kind, (total, operational) in sorted(kinds.items())
    ]


def _capacities(files: Rows, as_of: date) -> dict[str, int | None]:
    running: dict[str, int] = defaultdict(int)
    for row in files.get("contracts.csv", []):
        if _day(row["start"]) <= as_of <= _day(row["end"]):
            running[row["service_line"]] += int(row["capacity"])
    # A line none covers, or whose running contracts are all for 0 people, is not capacity-bound.
    return {row["service_line"]: running.get(row["service_line"]) or None for row in files.get("contracts.csv", [])}


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of radius 6371.0088 km."""
    a = (
        sin(radians(lat2 - lat1) / 2) ** 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * asin(sqrt(a))


def _incidents(files: Rows, as_of: date) -> tuple[dict, dict[str, int]]:
    start = as_of - timedelta(days=29)
    window = [row for row in files.get("incidents.csv", []) if start <= _day(row["event_date"]) <= as_of]
    types: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in window:
        types[row["event_type"]][0] += 1
        types[row["event_type"]][1] += int(row["fatalities"])
    nearby = {
        site["name"]: sum(
            great_circle_km(
                float(site["latitude"]), float(site["longitude"]), float(row["latitude"]), float(row["longitude"])
            )
            <= 2
            for row in window
        )
        for site in files.get("sites.csv", [])
    }
    figure = {
        "window_start": start,
        "count": len(window),
        "fatalities": sum(fatalities for _count, fatalities in types.values()),
        "by_event_type": [
            {"event_type": name, "count": count, "fatalities": fatalities}
            for name, (count, fatalities) in sorted(types.items())
        ],
    }
    return figure, nearby


def ground_risks(brief: dict) -> list[Risk]:
    """Return EQUIPMENT_SHORT, CAPACITY_SHORT and SITE_THREATENED, unordered."""
    found: list[Risk] = []
    for kind in brief["equipment"]:
        pct = kind["operational_pct"]
        if pct is not None and pct < 75:
            found.append(("EQUIPMENT_SHORT", "high" if pct < 50 else "medium", kind["kind"]))
    deployed, authorized = brief["strength"]["deployed"], brief["strength"]["authorized"]
    for line in brief["life_support"]:
        capacity = line["capacity"]
        if capacity is not None and capacity < deployed:
            found.append(("CAPACITY_SHORT", "high", line["service_line"]))
        elif capacity is not None and authorized is not None and capacity < authorized:
            found.append(("CAPACITY_SHORT", "medium", line["service_line"]))
    found += [
        ("SITE_THREATENED", "medium", site["name"])
        for site in brief["sites"]
        if site["status"] in ("secured", "reopened") and site["incidents_nearby"] >= 3
    ]
    return found


def risk_order(risk: Risk) -> tuple:
    """Order risks by severity (high first), then code, then subject (none first)."""
    code, severity, subject = risk
    return SEVERITY_ORDER[severity], code, subject is not None, subject or ""


def risks(brief: dict, as_of: date) -> list[Risk]:
    """Return the risks the rules find in a brief's figures, in the brief's order."""
    mandate, strength, funding = brief["mandate"], brief["strength"], brief["funding"]
    found: list[Risk] = []
    if mandate:
        if mandate["days_left"] <= 30:
            found.append(("MANDATE_EXPIRY", "high", None))
        elif mandate["days_left"] <= 90:
            found.append(("MANDATE_EXPIRY", "medium", None))
        pct = strength["deployed_pct"]
        if pct is not None and pct < 50:
            found.append(("STRENGTH_GAP", "high", None))
        elif pct is not None and pct < 80:
            found.append(("STRENGTH_GAP", "medium", None))
        if funding["runway_days"] is not None and funding["runway_end"] < mandate["end"]:
            found.append(("FUNDING_RUNWAY", "high" if funding["runway_days"] <= 30 else "medium", None))
        for line in brief["life_support"]:
            covered = line["covered_until"]
            if covered is None:
                found.append(("SERVICE_GAP", "high", line["service_line"]))
            elif covered < mandate["end"]:
                severity = "high" if (covered - as_of).days <= 30 else "medium"
                found.append(("SERVICE_GAP", severity, line["service_line"]))
    for row in strength["by_contributor"]:
        if row["deployed"] < row["pledged"]:
            severity = "medium" if row["deployed"] * 2 < row["pledged"] else "low"
            found.append(("PLEDGE_SHORTFALL", severity, row["contributor"]))
    pledged, paid = funding["pledged"], funding["paid"]
    if pledged > 0 and pledged - paid > pledged / 4:
        found.append(("UNPAID_PLEDGES", "medium", None))
    found += [("SITE_LOST", "high", site["name"]) for site in brief["sites"] if site["lost"]]
    found += ground_risks(brief)
    return sorted(found, key=risk_order)


def brief(files: Rows, as_of: date) -> dict:
    """Return the figures of the brief of the one mission in `files` as of a date, exact and unrounded.

    `files` maps a file name of the import format (`flows.csv`) to its rows in file order, each a
    dict of column to text; a row's position stands for its pk. Money is a Fraction in the base
    currency, dates are dates; `as_json` writes them the way the brief's JSON does.
    """
    (mission,) = files["missions.csv"]
    base = mission.get("base_currency") or "USD"
    result: dict = {"mandate": _mandate(files.get("mandates.csv", []), as_of)}
    result["strength"] = _strength(files, as_of, result["mandate"])
    result["funding"] = _funding(files, as_of, base, result["mandate"])
    result["life_support"] = _life_support(files, as_of, result["mandate"])
    result["sites"] = _sites(files, as_of)
    result["equipment"] = _equipment(files, as_of)
    capacities = _capacities(files, as_of)
    for line in result["life_support"]:
        line["capacity"] = capacities[line["service_line"]]
    result["incidents"], nearby = _incidents(files, as_of)
    for site in result["sites"]:
        site["incidents_nearby"] = nearby[site["name"]]
    result["risks"] = risks(result, as_of)
    return result


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def as_json(figures: dict) -> dict:
    """Write the figures of `brief` as the brief's JSON writes them: money strings, ISO dates."""
    mandate = figures["mandate"]
    funding = figures["funding"]
    return {
        "mandate": None
        if mandate is None
        else {**mandate, "start": _iso(mandate["start"]), "end": _iso(mandate["end"])},
        "strength": figures["strength"],
        "funding": {
            **{key: money_text(value) for key, value in funding.items() if key not in ("runway_days", "runway_end")},
            "runway_days": funding["runway_days"],
            "runway_end": _iso(funding["runway_end"]),
        },
        "life_support": [{**line, "covered_until": _iso(line["covered_until"])} for line in figures["life_support"]],
        "sites": [
            {
                "name": s["name"],
                "status": s["status"],
                "since": _iso(s["since"]),
                "incidents_nearby": s["incidents_nearby"],
            }
            for s in figures["sites"]
        ],
        "equipment": figures["equipment"],
        "incidents": {**figures["incidents"], "window_start": _iso(figures["incidents"]["window_start"])},
        "risks": [list(risk) for risk in figures["risks"]],
    }
