"""The figures another source would give: each claim's value put in place of its record's, one claim at a time.

Pure functions over the brief and the claims read for its date. A claim touches a figure when the
record feeds it and the claimed value changes it: an arrival's count or date (strength), the latest
pledge's count or status (pledged), the chosen mandate's end (days left, the gap to its end, life
support's uncovered days) or its authorized strength. A claim that changes no figure of the date is
left out.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from msaada.readiness.figures import Brief, deployed_pct
from msaada.readiness.money import ZERO
from msaada.readiness.rows import ClaimRow

Figure = int | Decimal | Fraction | date | None


@dataclass(frozen=True)
class Alternative:
    """A figure of the brief and the value it takes with a claim's value in place of its record's."""

    figure: str
    value: Figure
    alternative: Figure
    claim: ClaimRow


def alternatives(claims: tuple[ClaimRow, ...], brief: Brief) -> tuple[Alternative, ...]:
    """Return, for every claim and figure it touches, the figure as recorded and as the claim would have it."""
    found: list[Alternative] = []
    for claim in claims:
        pairs = _touched(claim, brief)
        found += [Alternative(path, value, other, claim) for path, value, other in pairs if value != other]
    return tuple(found)


def _touched(claim: ClaimRow, brief: Brief) -> Iterator[tuple[str, Figure, Figure]]:
    if not claim.in_use:
        return iter(())
    if claim.file == "deployments" and claim.field in ("count", "date", "change"):
        return _strength(
            brief, claim, "deployed", _arrived(claim, brief.as_of, True) - _arrived(claim, brief.as_of, False)
        )
    if claim.file == "pledges" and claim.field in ("count", "status"):
        return _strength(brief, claim, "pledged", _pledged(claim, True) - _pledged(claim, False))
    if claim.file == "mandates" and claim.field == "end":
        return _mandate_end(brief, date.fromisoformat(claim.value))
    if claim.file == "mandates" and claim.field == "authorized_strength":
        return _authorized(brief, int(claim.value))
    return iter(())


def _arrived(claim: ClaimRow, as_of: date, claimed: bool) -> int:
    """Return what the deployment adds to its contributor's strength on the date: + an arrival, - a departure."""
    values = claim.values(claimed)
    if date.fromisoformat(values["date"]) > as_of:
        return 0
    sign = 1 if values["change"] == "arrival" else -1
    return sign * int(values["count"])


def _pledged(claim: ClaimRow, claimed: bool) -> int:
    values = claim.values(claimed)
    return 0 if values["status"] == "withdrawn" else int(values["count"])


def _strength(brief: Brief, claim: ClaimRow, kind: str, delta: int) -> Iterator[tuple[str, Figure, Figure]]:
    if not delta:
        return
    strength = brief.strength
    rows = {row.contributor: row for row in strength.by_contributor}
    own = getattr(rows[claim.subject], kind) if claim.subject in rows else 0
    yield f"strength.by_contributor.{claim.subject}.{kind}", own, own + delta
    total = getattr(strength, kind)
    yield f"strength.{kind}", total, total + delta
    if kind == "deployed" and strength.deployed_pct is not None:
        yield "strength.deployed_pct", strength.deployed_pct, deployed_pct(total + delta, strength.authorized)


def _mandate_end(brief: Brief, end: date) -> Iterator[tuple[str, Figure, Figure]]:
    mandate, funding = brief.mandate, brief.funding
    if mandate is None:
        return
    days_left = (end - brief.as_of).days
    yield "mandate.end", mandate.end, end
    yield "mandate.days_left", mandate.days_left, days_left
    if funding.daily_burn:
        other = max(ZERO, funding.daily_burn * max(days_left, 0) - funding.cash - funding.unpaid_commitments)
        yield "funding.gap_to_mandate_end", funding.gap_to_mandate_end, other
    for line in brief.life_support:
        gap = (end - brief.as_of).days if line.covered_until is None else max(0, (end - line.covered_until).days)
        yield f"life_support.{line.service_line}.gap_days_before_mandate_end", line.gap_days_before_mandate_end, gap


def _authorized(brief: Brief, authorized: int) -> Iterator[tuple[str, Figure, Figure]]:
    mandate, strength = brief.mandate, brief.strength
    if mandate is None:
        return
    yield "mandate.authorized_strength", mandate.authorized_strength, authorized
    yield "strength.authorized", strength.authorized, authorized
    yield "strength.deployed_pct", strength.deployed_pct, deployed_pct(strength.deployed, authorized)
