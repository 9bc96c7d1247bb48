"""The derived scenarios' targets, from the records before the start alone."""

from datetime import date
from fractions import Fraction

from msaada.readiness.plan.derived import delays, derived_targets, share
from msaada.readiness.plan.rows import ForceHistory, PairCount, TargetRow

START = date(2025, 9, 1)

HISTORY = ForceHistory(
    pledged=(
        (PairCount("KEN", "police", 1000), date(2025, 7, 1)),
        (PairCount("JAM", "police", 200), date(2025, 1, 1)),
        # Withdrawn: its latest pledge counts 0, under its 50 deployed.
        (PairCount("BHS", "police", 0), date(2025, 3, 1)),
        (PairCount("BLZ", "police", 2), date(2024, 5, 1)),
        (PairCount("TCD", "military", 1500), date(2025, 8, 20)),
        (PairCount("GTM", "police", 15), date(2024, 1, 1)),
    ),
    first_pledge=(
        ("KEN", date(2024, 3, 1)),
        ("JAM", date(2024, 1, 10)),
        ("BHS", date(2024, 2, 1)),
        ("BLZ", date(2024, 5, 1)),
        ("TCD", date(2025, 8, 20)),
        ("GTM", date(2024, 1, 1)),
    ),
    first_arrival=(
        ("KEN", date(2024, 6, 25)),
        ("JAM", date(2024, 1, 30)),
        ("BHS", date(2024, 3, 2)),
        ("BLZ", date(2024, 5, 11)),
        # Arrived before it pledged: no delay of its own.
        ("GTM", date(2023, 12, 1)),
    ),
)
DEPLOYED = (
    PairCount("KEN", "police", 600),
    PairCount("JAM", "police", 100),
    PairCount("BHS", "police", 50),
    PairCount("BLZ", "police", 2),
    PairCount("GTM", "police", 5),
)


def test_delays_and_the_lower_median_for_those_without_one():
    # KEN 1 Mar -> 25 Jun 2024: 116 days; JAM 20; BHS 30; BLZ 10. TCD (no arrival) and GTM (arrived first) take the
    # lower median of the four: sorted 10, 20, 30, 116 -> the second, 20.
    assert delays(HISTORY) == {"KEN": 116, "JAM": 20, "BHS": 30, "BLZ": 10, "TCD": 20, "GTM": 20}


def test_no_contributor_with_a_delay_means_no_delay():
    history = ForceHistory(pledged=(), first_pledge=(("KEN", date(2024, 1, 1)),), first_arrival=())
    assert delays(history) == {"KEN": 0}


def test_as_pledged_brings_each_pair_short_of_its_pledge_up_to_it_after_its_delay():
    # KEN: 1 Jul 2025 + 116 days = 25 Oct 2025. TCD: 20 Aug + 20 = 9 Sep. GTM and JAM: long past, so the start.
    # BHS (withdrawn, 0 < 50) and BLZ (2 of 2) need nothing.
    assert derived_targets("as_pledged", START, HISTORY, DEPLOYED) == (
        TargetRow("GTM", "police", START, 15),
        TargetRow("JAM", "police", START, 200),
        TargetRow("KEN", "police", date(2025, 10, 25), 1000),
        TargetRow("TCD", "military", date(2025, 9, 9), 1500),
    )


def test_as_history_shows_goes_the_share_of_the_way():
    # Deployed 600 + 100 + 50 + 2 + 5 = 757 of pledged 1000 + 200 + 0 + 2 + 1500 + 15 = 2717.
    assert share(HISTORY, DEPLOYED) == Fraction(757, 2717)
    # GTM 5 + floor(757/2717 * 10) = 5 + 2; JAM 100 + floor(757/2717 * 100) = 100 + 27;
    # KEN 600 + floor(757/2717 * 400) = 600 + 111; TCD 0 + floor(757/2717 * 1500) = 417.
    assert derived_targets("as_history_shows", START, HISTORY, DEPLOYED) == (
        TargetRow("GTM", "police", START, 7),
        TargetRow("JAM", "police", START, 127),
        TargetRow("KEN", "police", date(2025, 10, 25), 711),
        TargetRow("TCD", "military", date(2025, 9, 9), 417),
    )


def test_share_is_capped_at_one():
    # 500 + 10 = 510 deployed of 400 + 50 = 450 pledged: the share is 1, not 510/450.
    history = ForceHistory(
        pledged=(
            (PairCount("KEN", "police", 400), date(2024, 1, 1)),
            (PairCount("JAM", "police", 50), date(2024, 1, 1)),
        ),
        first_pledge=(("KEN", date(2024, 1, 1)), ("JAM", date(2024, 1, 1))),
        first_arrival=(("KEN", date(2024, 2, 1)), ("JAM", date(2024, 2, 1))),
    )
    deployed = (PairCount("KEN", "police", 500), PairCount("JAM", "police", 10))
    assert share(history, deployed) == 1
    # JAM: 10 + floor(1 * 40) = 50, as pledged.
    assert derived_targets("as_history_shows", START, history, deployed) == (TargetRow("JAM", "police", START, 50),)


def test_hold_has_no_targets():
    assert derived_targets("hold", START, HISTORY, DEPLOYED) == ()
