"""The targets of the derived scenarios, written from the records alone for any start.

`hold` keeps today's strength (no targets); `as_pledged` brings each pair short of its latest pledge
up to it after the contributor's usual delay; `as_history_shows` the same dates, only as far as the
force has so far come to what was pledged.
"""

from datetime import date
from fractions import Fraction
from math import floor

from msaada.readiness.days import shift
from msaada.readiness.plan.rows import AS_HISTORY_SHOWS, AS_PLEDGED, HOLD, ForceHistory, PairCount, TargetRow


def delays(history: ForceHistory) -> dict[str, int]:
    """Return each contributor's delay in days: from its earliest pledge to its earliest arrival.

    A contributor with no arrival, or one that arrived before it pledged, takes the lower median of
    the other contributors' delays; 0 when no contributor has one.
    """
    arrivals = dict(history.first_arrival)
    own = {
        code: (arrivals[code] - pledged).days
        for code, pledged in history.first_pledge
        if code in arrivals and arrivals[code] >= pledged
    }
    result = dict(own)
    for code, _pledged in history.first_pledge:
        if code not in own:
            others = sorted(days for other, days in own.items() if other != code)
            result[code] = others[(len(others) - 1) // 2] if others else 0
    return result


def share(history: ForceHistory, deployed: tuple[PairCount, ...]) -> Fraction:
    """Return total deployed / total pledged, capped at 1 (1 when nothing is pledged)."""
    pledged = sum(row.count for row, _day in history.pledged)
    if pledged <= 0:
        return Fraction(1)
    return min(Fraction(1), Fraction(sum(row.count for row in deployed), pledged))


def derived_targets(
    kind: str, start: date, history: ForceHistory, deployed: tuple[PairCount, ...]
) -> tuple[TargetRow, ...]:
    """Return the targets of a derived scenario (`hold`, `as_pledged`, `as_history_shows`), by pair."""
    if kind == HOLD:
        return ()
    if kind not in (AS_PLEDGED, AS_HISTORY_SHOWS):
        raise ValueError(kind)
    now = {row.pair: row.count for row in deployed}
    delay = delays(history)
    part = share(history, deployed)
    targets = []
    for row, pledged_on in sorted(history.pledged, key=lambda item: item[0].pair):
        have = now.get(row.pair, 0)
        if row.count <= have:
            continue
        strength = row.count if kind == AS_PLEDGED else have + floor(part * (row.count - have))
        on = max(start, shift(pledged_on, delay.get(row.contributor, 0)))
        targets.append(TargetRow(row.contributor, row.category, on, strength))
    return tuple(targets)
