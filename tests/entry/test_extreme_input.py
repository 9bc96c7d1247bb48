"""Forms refuse what the import refuses at the edges: amounts no sum holds, huge counts, dates before 1900, NUL."""

import re

import pytest
from django.urls import reverse

from tests.entry.test_validation import GOOD, ROLE, references
from tests.exchange.files import snapshot

EDGES = [
    ("flows", {"amount": "922337203685477.5807"}, "amount", "too large (at most 1000000000000)"),
    ("deployments", {"count": str(2**63 - 1)}, "count", "too large (at most 1000000000)"),
    ("mandates", {"start": "0001-01-01"}, "start", "must be on or after 1900-01-01"),
    ("deployments", {"unit": "First\x00contingent"}, "unit", "Null characters are not allowed."),
]


@pytest.mark.parametrize(("kind", "bad", "field", "problem"), EDGES)
def test_a_value_at_the_edge_is_refused_next_to_its_field(world, client_of, kind, bad, field, problem):
    before = snapshot()
    data = {**GOOD[kind], **references(world, kind), **bad}
    response = client_of(ROLE[kind]).post(reverse("record_new", args=["MSS", kind]), data)
    assert response.status_code == 200
    assert snapshot() == before
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', response.content.decode(), re.S)
    assert errors is not None and problem in errors.group(1)


def test_an_open_ended_mandate_ending_9999_12_31_is_accepted(world, client_of):
    data = {**GOOD["mandates"], "end": "9999-12-31"}
    assert client_of("force").post(reverse("record_new", args=["MSS", "mandates"]), data).status_code == 302
