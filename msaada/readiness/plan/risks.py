"""The dated risks of a plan: what breaks next, on which day, how badly, and the figures that show it.

A risk keeps the params of its message, not its text, so it is written in the reader's language.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from msaada.readiness.days import shift
from msaada.readiness.formats import count_text, day_text, iso, money_text, money_value
from msaada.readiness.plan.engine import Plan
from msaada.readiness.risks import HIGH, MEDIUM, SEVERITY_ORDER

SIGN_SOON_DAYS = 30
RUNWAY_SOON_DAYS = 90


@dataclass(frozen=True)
class PlanRisk:
    """Something the plan shows breaking on a day, with the figures that show it (JSON-safe evidence)."""

    code: str
    severity: str
    on: date
    subject: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """Write the risk in the active language."""
        return WRITERS[self.code](self.params)


def capacity_short(plan: Plan) -> Iterator[PlanRisk]:
    """Flag each run of contracts needed: high when it must be signed within 30 days of the start (or already)."""
    for run in plan.contracts_needed:
        yield PlanRisk(
            "CAPACITY_SHORT",
            HIGH if run.sign_by <= shift(plan.start, SIGN_SOON_DAYS) else MEDIUM,
            run.sign_by,
            run.service_line,
            evidence={
                "from": iso(run.start),
                "to": iso(run.end),
                "worst_shortfall": run.worst_shortfall,
                "sign_by": iso(run.sign_by),
                "lead_days": run.lead_days,
            },
            params={
                "line": run.service_line,
                "from": run.start,
                "to": run.end,
                "short": run.worst_shortfall,
                "sign_by": run.sign_by,
            },
        )


def funding_runway(plan: Plan) -> Iterator[PlanRisk]:
    """Flag money that runs out before the end: high within 90 days of the start."""
    if plan.runs_out_on is None:
        return
    yield PlanRisk(
        "FUNDING_RUNWAY",
        HIGH if plan.runs_out_on <= shift(plan.start, RUNWAY_SOON_DAYS) else MEDIUM,
        plan.runs_out_on,
        evidence={"runs_out_on": iso(plan.runs_out_on), "gap": money_value(plan.gap), "end": iso(plan.end)},
        params={"on": plan.runs_out_on, "gap": plan.gap, "end": plan.end, "currency": plan.currency},
    )


def channel_gap(plan: Plan) -> Iterator[PlanRisk]:
    """Flag each channel whose funds do not cover its lines to the end (medium), dated when it runs out."""
    for channel in plan.channels:
        if channel.gap <= 0 or channel.runs_out_on is None:
            continue
        yield PlanRisk(
            "CHANNEL_GAP",
            MEDIUM,
            channel.runs_out_on,
            channel.channel,
            evidence={"runs_out_on": iso(channel.runs_out_on), "gap": money_value(channel.gap)},
            params={
                "channel": channel.channel,
                "on": channel.runs_out_on,
                "gap": channel.gap,
                "currency": plan.currency,
            },
        )


def strength_gap(plan: Plan) -> Iterator[PlanRisk]:
    """Flag a force below 80 % (medium) or 50 % (high) of the authorized strength on the end; none without a mandate."""
    authorized = plan.authorized
    if not authorized or plan.strength_on_end * 100 >= authorized * 80:
        return
    yield PlanRisk(
        "STRENGTH_GAP",
        HIGH if plan.strength_on_end * 100 < authorized * 50 else MEDIUM,
        plan.end,
        evidence={"strength": plan.strength_on_end, "authorized": authorized},
        params={"strength": plan.strength_on_end, "authorized": authorized, "on": plan.end},
    )


def assess(plan: Plan) -> Plan:
    """Return the plan with its dated risks, by severity (high first), then date, code and subject."""
    risks = [risk for rule in (capacity_short, funding_runway, channel_gap, strength_gap) for risk in rule(plan)]
    risks.sort(key=lambda risk: (SEVERITY_ORDER[risk.severity], risk.on, risk.code, risk.subject or ""))
    return replace(plan, risks=tuple(risks))


def channel_text(channel: str) -> str:
    """Name a channel in the active language."""
    return {"assessed": _("assessed"), "voluntary": _("voluntary"), "bilateral": _("bilateral")}[channel]


WRITERS = {
    "CAPACITY_SHORT": lambda params: (
        _("%(line)s: short of %(short)s people from %(from)s to %(to)s; sign a contract by %(sign_by)s")
        % {
            "line": params["line"],
            "short": count_text(params["short"]),
            "from": day_text(params["from"]),
            "to": day_text(params["to"]),
            "sign_by": day_text(params["sign_by"]),
        }
    ),
    "FUNDING_RUNWAY": lambda params: (
        _("The money runs out on %(on)s, %(gap)s short by %(end)s")
        % {
            "on": day_text(params["on"]),
            "gap": money_text(params["gap"], params["currency"]),
            "end": day_text(params["end"]),
        }
    ),
    "CHANNEL_GAP": lambda params: (
        _("The %(channel)s channel runs out on %(on)s, %(gap)s short by the end")
        % {
            "channel": channel_text(params["channel"]),
            "on": day_text(params["on"]),
            "gap": money_text(params["gap"], params["currency"]),
        }
    ),
    "STRENGTH_GAP": lambda params: (
        _("%(strength)s planned on %(on)s of %(authorized)s authorized")
        % {
            "strength": count_text(params["strength"]),
            "on": day_text(params["on"]),
            "authorized": count_text(params["authorized"]),
        }
    ),
}
