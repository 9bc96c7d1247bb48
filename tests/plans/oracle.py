"""An independent plan: DESIGN.md's "Plans: definitions" in plain Python over the import rows.

It reads the rows as `csv.DictReader` gives them (every value a string) and knows nothing of the database
or of `msaada/`; it shares only the brief oracle's rates and money writing. It walks every day and every
line with exact fractions, the slow obvious way, and rounds half-even to the cent only when it writes.
The choices DESIGN leaves open are the README's: mandates started on or before the start frame the plan,
recorded contracts count when they start before it, and of two rows on one date the later one wins.
"""

from collections import defaultdict
from datetime import date, timedelta
from fractions import Fraction
from math import floor

from tests.readiness.oracle import Rates, Rows, _day, _money, money_text

CHANNEL_OF_KIND = {"trust_fund": "voluntary", "bilateral": "bilateral", "assessed": "assessed"}
CHANNELS = ("assessed", "voluntary", "bilateral")
SEVERITY = {"high": 0, "medium": 1, "low": 2}


def _days_in_month(day: date) -> int:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - date(day.year, day.month, 1)).days


def _running(mandates: list[dict], day: date) -> dict | None:
    running = [m for m in mandates if m["start"] <= day <= m["end"]]
    return max(running, key=lambda m: (m["start"], m["end"], m["pk"]), default=None)


def _deployed(files: Rows, before: date) -> dict[tuple[str, str], int]:
    deployed: dict[tuple[str, str], int] = defaultdict(int)
    for row in files.get("deployments.csv", []):
        if _day(row["date"]) <= before:
            sign = 1 if row["change"] == "arrival" else -1
            deployed[(row["contributor"], row["category"])] += sign * int(row["count"])
    return dict(deployed)


def _derived_targets(files: Rows, kind: str, start: date, deployed: dict) -> list[tuple[str, str, date, int]]:
    before = start - timedelta(days=1)
    latest: dict[tuple[str, str], tuple[date, int, int]] = {}
    first_pledge: dict[str, date] = {}
    for pk, row in enumerate(files.get("pledges.csv", [])):
        day = _day(row["date"])
        if day > before:
            continue
        first_pledge[row["contributor"]] = min(day, first_pledge.get(row["contributor"], day))
        count = 0 if row["status"] == "withdrawn" else int(row["count"])
        pair = (row["contributor"], row["category"])
        if pair not in latest or (day, pk) > latest[pair][:2]:
            latest[pair] = (day, pk, count)
    first_arrival: dict[str, date] = {}
    for row in files.get("deployments.csv", []):
        day = _day(row["date"])
        if day <= before and row["change"] == "arrival":
            first_arrival[row["contributor"]] = min(day, first_arrival.get(row["contributor"], day))
    own = {
        code: (first_arrival[code] - day).days
        for code, day in first_pledge.items()
        if code in first_arrival and first_arrival[code] >= day
    }

    def delay(code: str) -> int:
        if code in own:
            return own[code]
        others = sorted(own.values())
        return others[(len(others) - 1) // 2] if others else 0

    if kind == "hold":
        return []
    total_pledged = sum(count for _day_, _pk, count in latest.values())
    total_deployed = sum(deployed.values())
    share = Fraction(1) if total_pledged == 0 else min(Fraction(1), Fraction(total_deployed, total_pledged))
    targets = []
    for pair, (day, _pk, count) in latest.items():
        have = deployed.get(pair, 0)
        if count <= have:
            continue
        strength = count if kind == "as_pledged" else have + floor(share * (count - have))
        targets.append((*pair, max(start, day + timedelta(days=delay(pair[0]))), strength))
    return targets


def plan(
    files: Rows,
    *,
    scenario: str | None = None,
    derived: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> dict:
    """Return the plan's figures as plan.schema.json writes them (risks as code, severity, on, subject)."""
    base = files["missions.csv"][0]["base_currency"]
    rates = Rates(files.get("fx_rates.csv", []))
    row = next((r for r in files.get("scenarios.csv", []) if r["name"] == scenario), None) if scenario else None
    if row is not None:
        start = start or _day(row["start"])
        end = end or (_day(row["end"]) if row["end"] else None)
    assert start is not None
    before = start - timedelta(days=1)
    mandates = [
        {"start": _day(m["start"]), "end": _day(m["end"]), "strength": int(m["authorized_strength"]), "pk": pk}
        for pk, m in enumerate(files.get("mandates.csv", []))
        if _day(m["start"]) <= start
    ]
    if end is None:
        end = _running(mandates, start)["end"]
    models = [(pk, m) for pk, m in enumerate(files.get("cost_models.csv", []))]
    if row is not None and row["cost_model"]:
        key = row["cost_model"]
    else:
        key = max(((_day(m["effective"]), pk, m["key"]) for pk, m in models if _day(m["effective"]) <= start))[2]
    lines = [line for line in files.get("cost_lines.csv", []) if line["model"] == key]

    def planned(amount: str, currency: str) -> Fraction:
        return rates.convert(_money(amount), currency, base, before)

    deployed = _deployed(files, before)
    if row is not None:
        targets = [
            (t["contributor"], t["category"], _day(t["date"]), int(t["strength"]))
            for t in files.get("targets.csv", [])
            if t["scenario"] == scenario
        ]
    else:
        targets = _derived_targets(files, derived or "hold", start, deployed)
    pairs = set(deployed) | {(c, k) for c, k, _d, _s in targets}

    def strength_of(pair: tuple[str, str], day: date) -> int:
        # The latest target dated on or before the day; of one date, the later row.
        chosen = None
        for index, (c, k, on, strength) in enumerate(targets):
            if (c, k) == pair and on <= day and (chosen is None or (on, index) >= chosen[:2]):
                chosen = (on, index, strength)
        return chosen[2] if chosen else deployed.get(pair, 0)

    kinds = {f["key"]: CHANNEL_OF_KIND[f["kind"]] for f in files.get("funds.csv", [])}
    cash = dict.fromkeys(CHANNELS, Fraction(0))
    for flow in files.get("flows.csv", []):
        if flow["stage"] == "paid" and _day(flow["date"]) <= before:
            day = _day(flow["date"])
            cash[kinds[flow["fund"]]] += rates.convert(_money(flow["amount"]), flow["currency"], base, day)
    for spent in files.get("expenditures.csv", []):
        if _day(spent["date"]) <= before:
            day = _day(spent["date"])
            cash[kinds[spent["fund"]]] -= rates.convert(_money(spent["amount"]), spent["currency"], base, day)
    payments = [
        (kinds[f["fund"]], _day(f["date"]), planned(f["amount"], f["currency"]))
        for f in files.get("planned_flows.csv", [])
        if row is not None and f["scenario"] == scenario and f["stage"] == "paid"
    ]

    bound = {}
    for line in lines:
        if line["service_line"]:
            bound[line["service_line"]] = max(bound.get(line["service_line"], 0), int(line["lead_days"] or 0))
    contracts = [
        (c["service_line"], _day(c["start"]), _day(c["end"]), int(c["capacity"]))
        for c in files.get("contracts.csv", [])
        if _day(c["start"]) < start
    ] + [
        (c["service_line"], _day(c["start"]), _day(c["end"]), int(c["capacity"]))
        for c in files.get("planned_contracts.csv", [])
        if row is not None and c["scenario"] == scenario
    ]

    months: list[dict] = []
    total = Fraction(0)
    money = sum(cash.values())
    spent_by = dict.fromkeys(CHANNELS, Fraction(0))
    money_by = dict(cash)
    out_on = None
    out_by: dict[str, date | None] = dict.fromkeys(CHANNELS)
    full_on = None
    shortfalls: dict[str, list[tuple[date, int]]] = {name: [] for name in bound}
    previous = {pair: deployed.get(pair, 0) for pair in pairs}
    day = start
    strength = 0
    while day <= end:
        now = {pair: strength_of(pair, day) for pair in pairs}
        strength = sum(now.values())
        arrivals = sum(max(0, now[pair] - previous[pair]) for pair in pairs)
        previous = now
        month_days = _days_in_month(day)
        label = f"{day.year:04d}-{day.month:02d}"
        if not months or months[-1]["month"] != label:
            months.append(
                {
                    "month": label,
                    "days": 0,
                    "person_days": 0,
                    "arrivals": 0,
                    "lines": defaultdict(Fraction),
                    "channels": dict.fromkeys(CHANNELS, Fraction(0)),
                }
            )
        month = months[-1]
        for line in lines:
            amount = planned(line["amount"], line["currency"])
            cost = {
                "person_month": amount * strength / month_days,
                "rotation": amount / int(line["rotation_months"] or 1) * strength / month_days,
                "arrival": amount * arrivals,
                "month": amount / month_days,
            }[line["basis"]]
            month["lines"][line["budget_line"]] += cost
            month["channels"][line["channel"]] += cost
            spent_by[line["channel"]] += cost
            total += cost
        for channel, on, amount in payments:
            if on == day:
                money += amount
                money_by[channel] += amount
        if out_on is None and money - total < 0:
            out_on = day
        for channel in CHANNELS:
            if out_by[channel] is None and money_by[channel] - spent_by[channel] < 0:
                out_by[channel] = day
        mandate = _running(mandates, day)
        if full_on is None and mandate is not None and strength >= mandate["strength"]:
            full_on = day
        for name in bound:
            capacity = sum(cap for line, first, last, cap in contracts if line == name and first <= day <= last)
            if capacity < strength:
                shortfalls[name].append((day, strength - capacity))
        month["days"] += 1
        month["person_days"] += strength
        month["arrivals"] += arrivals
        month.update(strength=strength, cumulative=total, money=money)
        day += timedelta(days=1)

    needed = []
    for name in sorted(bound):
        runs: list[list[tuple[date, int]]] = []
        for day, short in shortfalls[name]:
            if runs and runs[-1][-1][0] + timedelta(days=1) == day:
                runs[-1].append((day, short))
            else:
                runs.append([(day, short)])
        needed.extend(
            {
                "service_line": name,
                "from": run[0][0].isoformat(),
                "to": run[-1][0].isoformat(),
                "worst_shortfall": max(short for _d, short in run),
                "sign_by": (run[0][0] - timedelta(days=bound[name])).isoformat(),
            }
            for run in runs
        )
    at_end = _running(mandates, end)
    authorized = at_end["strength"] if at_end else None
    gap = max(Fraction(0), total - money)
    channels = [
        {
            "channel": channel,
            "total_cost": money_text(spent_by[channel]),
            "runs_out_on": out_by[channel] and out_by[channel].isoformat(),
            "gap": money_text(max(Fraction(0), spent_by[channel] - money_by[channel])),
        }
        for channel in CHANNELS
    ]
    risks = [
        (
            "CAPACITY_SHORT",
            "high" if _day(r["sign_by"]) <= start + timedelta(days=30) else "medium",
            r["sign_by"],
            r["service_line"],
        )
        for r in needed
    ]
    if out_on is not None:
        risks.append(
            ("FUNDING_RUNWAY", "high" if out_on <= start + timedelta(days=90) else "medium", out_on.isoformat(), None)
        )
    risks.extend(
        ("CHANNEL_GAP", "medium", out_by[channel].isoformat(), channel)
        for channel in CHANNELS
        if spent_by[channel] - money_by[channel] > 0
    )
    if authorized and strength * 100 < authorized * 80:
        risks.append(("STRENGTH_GAP", "high" if strength * 100 < authorized * 50 else "medium", end.isoformat(), None))
    risks.sort(key=lambda r: (SEVERITY[r[1]], r[2], r[0], r[3] or ""))
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "currency": base,
        "cost_model": key,
        "months": [
            {
                "month": m["month"],
                "days": m["days"],
                "strength": m["strength"],
                "person_days": m["person_days"],
                "arrivals": m["arrivals"],
                "cost": money_text(sum(m["channels"].values())),
                "cost_by_line": {name: money_text(value) for name, value in m["lines"].items()},
                "cost_by_channel": {name: money_text(value) for name, value in m["channels"].items()},
                "cumulative_cost": money_text(m["cumulative"]),
                "money": money_text(m["money"]),
                "balance": money_text(m["money"] - m["cumulative"]),
            }
            for m in months
        ],
        "summary": {
            "total_cost": money_text(total),
            "runs_out_on": out_on and out_on.isoformat(),
            "gap": money_text(gap),
            "full_strength_on": full_on and full_on.isoformat(),
            "authorized": authorized,
        },
        "channels": channels,
        "contracts_needed": needed,
        "risks": risks,
    }
