"""The rules that turn a brief into risks: what breaks next, how badly, and the figures that show it.

A risk keeps the params of its message, not its text: readiness.risk_messages writes it when it is shown.
"""

from collections.abc import Iterator

from msaada.readiness.figures import Brief, Risk
from msaada.readiness.formats import iso, money_value
from msaada.readiness.rows import HELD_STATUSES

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}


def assess(brief: Brief) -> tuple[Risk, ...]:
    """Return every risk the brief shows, by severity (high first), then code, then subject."""
    rules = (
        mandate_expiry,
        strength_gap,
        pledge_shortfall,
        funding_runway,
        unpaid_pledges,
        service_gap,
        site_lost,
        equipment_short,
        capacity_short,
        site_threatened,
    )
    risks = [risk for rule in rules for risk in rule(brief)]
    return tuple(sorted(risks, key=lambda risk: (SEVERITY_ORDER[risk.severity], risk.code, risk.subject or "")))


def mandate_expiry(brief: Brief) -> Iterator[Risk]:
    """Flag a mandate that ends within 90 days (medium) or 30 days or has ended (high)."""
    mandate = brief.mandate
    if mandate is None or mandate.days_left > 90:
        return
    yield Risk(
        "MANDATE_EXPIRY",
        HIGH if mandate.days_left <= 30 else MEDIUM,
        evidence={"authority": mandate.authority, "end": iso(mandate.end), "days_left": mandate.days_left},
        params={
            "authority": mandate.authority,
            "end": mandate.end,
            "days_left": mandate.days_left,
            "as_of": brief.as_of,
        },
    )


def strength_gap(brief: Brief) -> Iterator[Risk]:
    """Flag a force under 80 % (medium) or 50 % (high) of the authorized strength, as published."""
    strength = brief.strength
    if brief.mandate is None or strength.deployed_pct is None or strength.deployed_pct >= 80:
        return
    yield Risk(
        "STRENGTH_GAP",
        HIGH if strength.deployed_pct < 50 else MEDIUM,
        evidence={
            "deployed": strength.deployed,
            "authorized": strength.authorized,
            "deployed_pct": float(strength.deployed_pct),
        },
        params={
            "deployed": strength.deployed,
            "authorized": strength.authorized or 0,
            "pct": strength.deployed_pct,
        },
    )


def pledge_shortfall(brief: Brief) -> Iterator[Risk]:
    """Flag each contributor with fewer deployed than pledged: medium when under half, else low."""
    for row in brief.strength.by_contributor:
        if row.deployed >= row.pledged:
            continue
        yield Risk(
            "PLEDGE_SHORTFALL",
            MEDIUM if row.deployed * 2 < row.pledged else LOW,
            subject=row.contributor,
            evidence={"contributor": row.contributor, "deployed": row.deployed, "pledged": row.pledged},
            params={"contributor": row.contributor, "deployed": row.deployed, "pledged": row.pledged},
        )


def funding_runway(brief: Brief) -> Iterator[Risk]:
    """Flag cash that runs out before the mandate ends: high within 30 days, else medium."""
    funding, mandate = brief.funding, brief.mandate
    if mandate is None or funding.runway_days is None or funding.runway_end is None:
        return
    if funding.runway_end >= mandate.end:
        return
    yield Risk(
        "FUNDING_RUNWAY",
        HIGH if funding.runway_days <= 30 else MEDIUM,
        evidence={
            "cash": money_value(funding.cash),
            "daily_burn": money_value(funding.daily_burn),
            "runway_days": funding.runway_days,
            "runway_end": iso(funding.runway_end),
            "mandate_end": iso(mandate.end),
        },
        params={
            "cash": funding.cash,
            "burn": funding.daily_burn,
            "currency": brief.currency,
            "days": funding.runway_days,
            "runway_end": funding.runway_end,
            "end": mandate.end,
        },
    )


def unpaid_pledges(brief: Brief) -> Iterator[Risk]:
    """Flag money pledged of which more than a quarter is not paid (medium)."""
    funding = brief.funding
    unpaid = funding.pledged - funding.paid
    if funding.pledged <= 0 or unpaid <= funding.pledged / 4:
        return
    yield Risk(
        "UNPAID_PLEDGES",
        MEDIUM,
        evidence={
            "pledged": money_value(funding.pledged),
            "paid": money_value(funding.paid),
            "unpaid": money_value(unpaid),
        },
        params={"unpaid": unpaid, "pledged": funding.pledged, "currency": brief.currency},
    )


def service_gap(brief: Brief) -> Iterator[Risk]:
    """Flag each service line uncovered (high) or covered to before the mandate's end (high within 30 days)."""
    mandate = brief.mandate
    if mandate is None:
        return
    for line in brief.life_support:
        evidence = {
            "service_line": line.service_line,
            "covered_until": iso(line.covered_until),
            "mandate_end": iso(mandate.end),
            "gap_days_before_mandate_end": line.gap_days_before_mandate_end,
        }
        params = {
            "line": line.service_line,
            "until": line.covered_until,
            "as_of": brief.as_of,
            "days": line.gap_days_before_mandate_end,
            "end": mandate.end,
        }
        if line.covered_until is None:
            yield Risk("SERVICE_GAP", HIGH, subject=line.service_line, evidence=evidence, params=params)
        elif line.covered_until < mandate.end:
            yield Risk(
                "SERVICE_GAP",
                HIGH if (line.covered_until - brief.as_of).days <= 30 else MEDIUM,
                subject=line.service_line,
                evidence=evidence,
                params=params,
            )


def site_lost(brief: Brief) -> Iterator[Risk]:
    """Flag each site now hostile after it was secured or reopened (high)."""
    for site in brief.sites:
        if not site.lost or site.since is None or site.held_since is None:
            continue
        yield Risk(
            "SITE_LOST",
            HIGH,
            subject=site.name,
            evidence={
                "site": site.name,
                "status": site.status,
                "since": iso(site.since),
                "held_status": site.held_status,
                "held_since": iso(site.held_since),
            },
            params={
                "site": site.name,
                "since": site.since,
                "held_status": site.held_status,
                "held_since": site.held_since,
            },
        )


def equipment_short(brief: Brief) -> Iterator[Risk]:
    """Flag each kind of equipment of which under 75 % (medium) or under 50 % (high) works."""
    for kind in brief.ground.equipment:
        pct = kind.operational_pct
        if pct is None or pct >= 75:
            continue
        yield Risk(
            "EQUIPMENT_SHORT",
            HIGH if pct < 50 else MEDIUM,
            subject=kind.kind,
            evidence={
                "kind": kind.kind,
                "total": kind.total,
                "operational": kind.operational,
                "operational_pct": float(pct),
            },
            params={"kind": kind.kind, "total": kind.total, "operational": kind.operational, "pct": pct},
        )


def capacity_short(brief: Brief) -> Iterator[Risk]:
    """Flag each capacity-bound service line short of the force deployed (high) or of the authorized (medium)."""
    deployed, authorized = brief.strength.deployed, brief.strength.authorized
    for line in brief.ground.capacity:
        if line.capacity is None:
            continue
        if line.capacity < deployed:
            severity = HIGH
        elif authorized is not None and line.capacity < authorized:
            severity = MEDIUM
        else:
            continue
        yield Risk(
            "CAPACITY_SHORT",
            severity,
            subject=line.service_line,
            evidence={
                "service_line": line.service_line,
                "capacity": line.capacity,
                "deployed": deployed,
                "authorized": authorized,
            },
            params={
                "line": line.service_line,
                "capacity": line.capacity,
                "deployed": deployed,
                "authorized": authorized,
                "short_of_deployed": severity == HIGH,
            },
        )


def site_threatened(brief: Brief) -> Iterator[Risk]:
    """Flag each secured or reopened site with 3 or more incidents within 2 km in the 30-day window (medium)."""
    incidents = brief.ground.incidents
    nearby = {row.site: row.nearby for row in brief.ground.sites}
    for site in brief.sites:
        count = nearby.get(site.name, 0)
        if incidents is None or site.status not in HELD_STATUSES or count < 3:
            continue
        yield Risk(
            "SITE_THREATENED",
            MEDIUM,
            subject=site.name,
            evidence={
                "site": site.name,
                "status": site.status,
                "incidents_nearby": count,
                "window_start": iso(incidents.window_start),
                "as_of": iso(brief.as_of),
            },
            params={
                "site": site.name,
                "status": site.status,
                "count": count,
                "start": incidents.window_start,
                "as_of": brief.as_of,
            },
        )
