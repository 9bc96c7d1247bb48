"""`msaada demo` prints the GSF build-up plan after the MSS brief, with its summary and the contracts to sign."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_prints_the_brief_then_the_gsf_plan():
    printed = StringIO()
    call_command("demo", stdout=printed)
    text = printed.getvalue()
    brief, plan = text.index("Brief as of 23 Sep 2025"), text.index("GSF: plan build-up from 1 Jan 2026")
    assert brief < plan
    summary = text[plan:]
    assert "Full strength on: 1 Sep 2026" in summary and "Contracts needed" in summary
    assert "Strength on the end date: 5,550 of 5,550 authorized" in summary
