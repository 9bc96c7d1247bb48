"""The brief as the JSON object of brief.schema.json: money as strings to the cent, ISO dates."""

from typing import Any

from msaada.readiness.figures import Brief, Ground
from msaada.readiness.formats import iso, money_value
from msaada.readiness.presenters.trust import claims_data


def brief_data(brief: Brief) -> dict[str, Any]:
    """Return the brief as plain JSON-ready data, rounding money half-even to the cent."""
    mandate, strength, funding = brief.mandate, brief.strength, brief.funding
    capacity = {line.service_line: line.capacity for line in brief.ground.capacity}
    nearby = {row.site: row.nearby for row in brief.ground.sites}
    return {
        "mission": brief.mission,
        "as_of": brief.as_of.isoformat(),
        "currency": brief.currency,
        "mandate": None
        if mandate is None
        else {
            "authority": mandate.authority,
            "start": iso(mandate.start),
            "end": iso(mandate.end),
            "active": mandate.active,
            "days_left": mandate.days_left,
            "authorized_strength": mandate.authorized_strength,
        },
        "strength": {
            "deployed": strength.deployed,
            "pledged": strength.pledged,
            "authorized": strength.authorized,
            "deployed_pct": None if strength.deployed_pct is None else float(strength.deployed_pct),
            "by_contributor": [
                {"contributor": row.contributor, "deployed": row.deployed, "pledged": row.pledged}
                for row in strength.by_contributor
            ],
        },
        "funding": {
            **{
                name: money_value(getattr(funding, name))
                for name in (
                    "pledged",
                    "committed",
                    "paid",
                    "spent",
                    "cash",
                    "unpaid_commitments",
                    "daily_burn",
                )
            },
            "runway_days": funding.runway_days,
            "runway_end": iso(funding.runway_end),
            "gap_to_mandate_end": money_value(funding.gap_to_mandate_end),
        },
        "life_support": [
            {
                "service_line": line.service_line,
                "covered_until": iso(line.covered_until),
                "gap_days_before_mandate_end": line.gap_days_before_mandate_end,
                "capacity": capacity.get(line.service_line),
            }
            for line in brief.life_support
        ],
        "sites": [
            {
                "name": site.name,
                "kind": site.kind,
                "status": site.status,
                "since": iso(site.since),
                "incidents_nearby": nearby.get(site.name, 0),
            }
            for site in brief.sites
        ],
        **ground_data(brief.ground),
        "risks": [
            {
                "code": risk.code,
                "severity": risk.severity,
                "message": risk.message,
                "subject": risk.subject,
                "evidence": dict(risk.evidence),
            }
            for risk in brief.risks
        ],
        "sources": [
            {
                "key": source.key,
                "title": source.title,
                "publisher": source.publisher,
                "date": iso(source.date),
                "kind": source.kind,
                "url": source.url,
            }
            for source in brief.sources
        ],
        **claims_data(brief),
        # Not in brief.schema.json's properties, which allows others: reported records left out of every figure.
        "waiting_review": {
            "pledges": brief.waiting.pledges,
            "deployments": brief.waiting.deployments,
            "flows": brief.waiting.flows,
        },
    }


def ground_data(ground: Ground) -> dict[str, Any]:
    """Return the brief's equipment by kind and the window's incidents by event type (when it has read them)."""
    data: dict[str, Any] = {
        "equipment": [
            {
                "kind": kind.kind,
                "total": kind.total,
                "operational": kind.operational,
                "operational_pct": None if kind.operational_pct is None else float(kind.operational_pct),
            }
            for kind in ground.equipment
        ]
    }
    incidents = ground.incidents
    if incidents is not None:
        data["incidents"] = {
            "window_start": iso(incidents.window_start),
            "count": incidents.count,
            "fatalities": incidents.fatalities,
            "by_event_type": [
                {"event_type": row.event_type, "count": row.count, "fatalities": row.fatalities}
                for row in incidents.by_event_type
            ],
        }
    return data
