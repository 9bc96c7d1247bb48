"""Which figures of a brief rest, in whole or part, on an illustrative input: pure, named by JSON path.

A path names a figure as the brief's JSON holds it: `funding.cash`, `strength.by_contributor.KEN.deployed`,
`life_support.Accommodation.covered_until`, `sites.<name>.status`, `equipment.<kind>.operational`,
`incidents.by_event_type.<type>.count`; a risk is `risks.<CODE>` or `risks.<CODE>.<subject>`.
"""

from msaada.readiness.figures import Brief, Risk

RUNWAY = ("funding.runway_days", "funding.runway_end", "funding.gap_to_mandate_end")
MANDATE = (
    "mandate.end",
    "mandate.days_left",
    "mandate.authorized_strength",
    "strength.authorized",
    "strength.deployed_pct",
    "funding.gap_to_mandate_end",
)
INPUT_FIGURES = {
    "flows:pledge": ("funding.pledged",),
    "flows:commitment": ("funding.committed",),
    "flows:paid": ("funding.paid", "funding.cash", *RUNWAY),
    "spent": ("funding.spent", "funding.cash", *RUNWAY),
    "spent_in_window": ("funding.daily_burn", *RUNWAY),
    "unpaid": ("funding.unpaid_commitments", "funding.gap_to_mandate_end"),
    "mandate": MANDATE,
}
# The figures each risk is raised on.
RISK_FIGURES = {
    "MANDATE_EXPIRY": ("mandate.days_left",),
    "STRENGTH_GAP": ("strength.deployed_pct",),
    "FUNDING_RUNWAY": ("funding.runway_days", "funding.runway_end", "mandate.end"),
    "UNPAID_PLEDGES": ("funding.pledged", "funding.paid"),
}


def illustrative_figures(inputs: frozenset[str], brief: Brief) -> frozenset[str]:
    """Return the paths of the figures resting on the illustrative inputs, then of the risks raised on them."""
    figures: set[str] = set()
    for name in inputs:
        kind, _sep, subject = name.partition(":")
        if name in INPUT_FIGURES:
            figures.update(INPUT_FIGURES[name])
            if name == "mandate":
                figures.update(
                    f"life_support.{line.service_line}.gap_days_before_mandate_end" for line in brief.life_support
                )
        elif kind in ("deployed", "pledged"):
            figures.update((f"strength.by_contributor.{subject}.{kind}", f"strength.{kind}"))
            if kind == "deployed":
                figures.add("strength.deployed_pct")
        elif kind == "line":
            figures.update(
                f"life_support.{subject}.{name}" for name in ("covered_until", "gap_days_before_mandate_end")
            )
        elif kind == "site":
            figures.update((f"sites.{subject}.status", f"sites.{subject}.since"))
        else:
            figures.update(_ground_figures(kind, subject))
    figures.update(f"sites.{row.site}.incidents_nearby" for row in brief.ground.sites if row.illustrative)
    return frozenset(figures)


def _ground_figures(kind: str, subject: str) -> tuple[str, ...]:
    """Return the figures of the ground and the gear an illustrative input of the kind feeds."""
    if kind == "equipment":
        return tuple(f"equipment.{subject}.{name}" for name in ("total", "operational", "operational_pct"))
    if kind == "capacity":
        return (f"life_support.{subject}.capacity",)
    if kind == "incidents":
        by_type = tuple(f"incidents.by_event_type.{subject}.{name}" for name in ("count", "fatalities"))
        return ("incidents.count", "incidents.fatalities", *by_type)
    return ()


def risk_path(risk: Risk) -> str:
    """Return the path naming a risk: its code, and its subject when it has one."""
    return f"risks.{risk.code}" if risk.subject is None else f"risks.{risk.code}.{risk.subject}"


def risk_figures(risk: Risk) -> tuple[str, ...]:
    """Return the paths of the figures a risk is raised on."""
    subject = risk.subject
    if risk.code == "PLEDGE_SHORTFALL":
        return (f"strength.by_contributor.{subject}.deployed", f"strength.by_contributor.{subject}.pledged")
    if risk.code == "SERVICE_GAP":
        return (f"life_support.{subject}.covered_until",)
    if risk.code == "SITE_LOST":
        return (f"sites.{subject}.status",)
    if risk.code == "EQUIPMENT_SHORT":
        return (f"equipment.{subject}.operational_pct",)
    if risk.code == "CAPACITY_SHORT":
        return (f"life_support.{subject}.capacity", "strength.deployed")
    if risk.code == "SITE_THREATENED":
        return (f"sites.{subject}.incidents_nearby", f"sites.{subject}.status")
    return RISK_FIGURES.get(risk.code, ())


def risk_illustrative(brief: Brief, risk: Risk) -> bool:
    """Whether a risk is raised on a figure resting on an illustrative input."""
    return any(path in brief.illustrative for path in risk_figures(risk))


def marked_paths(brief: Brief) -> tuple[str, ...]:
    """Return, sorted, the paths of the brief's figures and risks that rest on an illustrative input."""
    risks = {risk_path(risk) for risk in brief.risks if risk_illustrative(brief, risk)}
    return tuple(sorted(brief.illustrative | risks))
