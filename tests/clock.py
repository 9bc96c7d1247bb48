"""Today frozen for the tests that read the clock, so they cannot differ by day or flake at midnight."""

from datetime import UTC, datetime, time

import time_machine

from tests.factories import day


def today_is(text: str) -> time_machine.travel:
    """Return a decorator or context that makes the day written YYYY-MM-DD today, at noon UTC, with the clock stopped.

    Noon keeps the day the same in every time zone from UTC-11 to UTC+11, whatever TIME_ZONE the settings name.
    """
    return time_machine.travel(datetime.combine(day(text), time(12), tzinfo=UTC), tick=False)
