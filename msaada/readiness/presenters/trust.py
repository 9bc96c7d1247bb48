"""What a reader needs to trust a figure, in every rendering: the illustrative mark and other sources' values."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from msaada.readiness.alternatives import Alternative, Figure
from msaada.readiness.figures import Brief, Risk
from msaada.readiness.formats import count_text, country_text, day_text, iso, money_text, money_value, tenths_text
from msaada.readiness.marks import marked_paths, risk_illustrative
from msaada.readiness.rows import ClaimRow


def figure_json(value: Figure) -> Any:
    """Return a figure as the brief's JSON writes it: money to the cent, ISO dates, a percentage as a number."""
    if isinstance(value, Fraction):
        return money_value(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return iso(value)
    return value


def claims_data(brief: Brief) -> dict[str, Any]:
    """Return the brief's `illustrative` paths and `claims` (each figure another source gives differently)."""
    return {
        "illustrative": list(marked_paths(brief)),
        "claims": [
            {
                "figure": alternative.figure,
                "value": figure_json(alternative.value),
                "alternative": figure_json(alternative.alternative),
                "source": alternative.claim.sources[0] if alternative.claim.sources else None,
                "sources": list(alternative.claim.sources),
                "note": alternative.claim.note,
                "record": {
                    "file": alternative.claim.file,
                    "record": alternative.claim.record,
                    "field": alternative.claim.field,
                    "recorded": dict(alternative.claim.recorded).get(alternative.claim.field),
                    "claimed": alternative.claim.value,
                },
            }
            for alternative in brief.claims
        ],
    }


CLAIMED = "‡"


def mark(brief: Brief, path: str, text: str) -> str:
    """Return a figure's text, marked when it rests on an illustrative input and when another source differs."""
    if path in brief.illustrative:
        text = f"{text} {illustrative_mark()}"
    if any(alternative.figure == path for alternative in brief.claims):
        text = f"{text} {CLAIMED}"
    return text


def mark_risk(brief: Brief, risk: Risk, text: str) -> str:
    """Return a risk's text, marked when it is raised on a figure resting on an illustrative input."""
    return f"{text} {illustrative_mark()}" if risk_illustrative(brief, risk) else text


def illustrative_mark() -> str:
    return _("(illustrative)")


def figure_text(value: Figure, currency: str) -> str:
    """Return a figure as people read it."""
    if value is None:
        return "–"
    if isinstance(value, Fraction):
        return money_text(value, currency)
    if isinstance(value, Decimal):
        return f"{tenths_text(value)} %"
    if isinstance(value, date):
        return day_text(value)
    return count_text(value)


def figure_label(path: str) -> str:
    """Name a figure of the brief in the users' words: `Deployed: Kenya (KEN)`, `Mandate's end`."""
    parts = path.split(".")
    labels = {
        "strength.deployed": _("Deployed"),
        "strength.pledged": _("Pledged"),
        "strength.authorized": _("Authorized strength"),
        "strength.deployed_pct": _("Deployed, % of the authorized strength"),
        "mandate.end": _("Mandate's end"),
        "mandate.days_left": _("Days left in the mandate"),
        "mandate.authorized_strength": _("Mandate's authorized strength"),
        "funding.gap_to_mandate_end": _("Gap to the mandate's end"),
    }
    if path in labels:
        return labels[path]
    if parts[:2] == ["strength", "by_contributor"] and len(parts) == 4:
        name = labels[f"strength.{parts[3]}"]
        return f"{name}: {country_text(parts[2])} ({parts[2]})"
    if parts[0] == "life_support" and len(parts) == 3:
        return _("Days uncovered before the mandate's end: %(line)s") % {"line": parts[1]}
    return path


def claim_lines(brief: Brief) -> tuple[str, ...]:
    """Return a line per claim: the value another source gives, then each figure as recorded and as claimed."""
    grouped: dict[ClaimRow, list[Alternative]] = {}
    for alternative in brief.claims:
        grouped.setdefault(alternative.claim, []).append(alternative)
    return tuple(_claim_line(claim, found, brief.currency) for claim, found in grouped.items())


def _claim_line(claim: ClaimRow, found: list[Alternative], currency: str) -> str:
    figures = "; ".join(
        _("%(figure)s %(value)s, else %(alternative)s")
        % {
            "figure": figure_label(alternative.figure),
            "value": figure_text(alternative.value, currency),
            "alternative": figure_text(alternative.alternative, currency),
        }
        for alternative in found
    )
    line = _("%(record)s: %(field)s %(claimed)s per %(sources)s, not %(recorded)s. %(figures)s.") % {
        "record": claim.record,
        "field": claim.field,
        "claimed": claim.value,
        "sources": ", ".join(f"[{key}]" for key in claim.sources) or _("no source"),
        "recorded": dict(claim.recorded).get(claim.field, ""),
        "figures": figures,
    }
    return f"{line} {claim.note}" if claim.note else line
