"""Bad input is refused next to its field, with the values kept, and nothing is written: the import's own rules."""

import re

import pytest
from django.urls import reverse

from tests.exchange.files import snapshot

GOOD = {
    "deployments": {
        "unit": "Second contingent",
        "category": "police",
        "change": "arrival",
        "count": "75",
        "date": "2025-01-03",
    },
    "mandates": {
        "authority": "S/RES/2751 (2024)",
        "start": "2024-10-02",
        "end": "2025-10-02",
        "authorized_strength": "2500",
    },
    "contributors": {"code": "BHS"},
    "organizations": {"key": "eu", "name": "European Union", "kind": "multilateral", "country": ""},
    "flows": {"ref": "EU-1", "stage": "pledge", "amount": "1000000", "currency": "USD", "date": "2024-03-01"},
    "assets": {"kind": "Helicopter", "date": "2024-08-01", "total": "4", "operational": "2"},
}
ROLE = {
    "deployments": "force",
    "mandates": "force",
    "contributors": "force",
    "organizations": "finance",
    "flows": "finance",
    "assets": "logistics",
}


def references(world, kind: str) -> dict[str, object]:
    return {
        "deployments": {"contributor": world.ken.pk},
        "flows": {"fund": world.fund.pk, "donor": world.canada.pk},
        "assets": {"owner": world.usa.pk},
    }.get(kind, {})


BAD_INPUT = [
    ("deployments", {"count": "-5"}, "count", "must not be negative"),
    ("mandates", {"end": "2024-01-01"}, "end", "end 2024-01-01 is before start 2024-10-02"),
    ("contributors", {"code": "XXK"}, "code", "unknown country code (ISO 3166 alpha-3, e.g. KEN)"),
    ("organizations", {"country": "ZZZ"}, "country", "unknown country code (ISO 3166 alpha-3, e.g. KEN)"),
    ("flows", {"currency": "XYZ"}, "currency", "unknown currency code (ISO 4217, e.g. USD)"),
    ("flows", {"currency": "EUR"}, "currency", "no FX rate for EUR on or before 2024-03-01"),
    ("flows", {"currency": "CAD", "date": "2023-12-31"}, "currency", "no FX rate for CAD on or before 2023-12-31"),
    ("flows", {"amount": "-1"}, "amount", "must not be negative"),
    (
        "deployments",
        {"change": "departure", "count": "250", "date": "2024-07-01"},
        "count",
        "makes KEN&#x27;s strength -50 on 2024-07-01",
    ),
    ("assets", {"operational": "5"}, "operational", "5 operational is above the total of 4"),
]


@pytest.mark.parametrize(("kind", "bad", "field", "problem"), BAD_INPUT)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_written(world, client_of, kind, bad, field, problem):
    client = client_of(ROLE[kind])
    before = snapshot()
    data = {**GOOD[kind], **references(world, kind), **bad}
    response = client.post(reverse("record_new", args=["MSS", kind]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert snapshot() == before
    # The message sits in the field's own error list, which the input points to for screen readers.
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', page, re.S)
    assert errors is not None and problem in errors.group(1)
    field_input = re.search(rf'<(?:input|select)[^>]*name="{field}"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field_input and 'aria-describedby="' in field_input
    assert f"id_{field}_error" in field_input
    # What was typed is kept; a list of ISO codes has no option for an unknown code, so it offers the list again.
    typed = bad[field]
    if field_input.startswith("<select") and "unknown" in problem:
        assert f'value="{typed}"' not in page and "<option" in page
    else:
        assert f'value="{typed}"' in field_input or f'value="{typed}" selected' in page


def test_the_good_input_of_each_case_is_accepted(world, client_of):
    """The cases above differ from an accepted record by the bad value alone."""
    for kind, good in GOOD.items():
        response = client_of(ROLE[kind]).post(
            reverse("record_new", args=["MSS", kind]), {**good, **references(world, kind)}
        )
        assert response.status_code == 302, (kind, response.context["form"].errors if response.context else None)


def test_a_rule_across_rows_is_checked_when_an_arrival_shrinks(world, client_of):
    client = client_of("force")
    client.post(
        reverse("record_new", args=["MSS", "deployments"]),
        {
            **GOOD["deployments"],
            "contributor": world.ken.pk,
            "change": "departure",
            "count": "150",
            "date": "2024-07-01",
        },
    )
    before = snapshot()
    data = {
        "unit": "First contingent",
        "contributor": world.ken.pk,
        "category": "police",
        "change": "arrival",
        "count": "100",
        "date": "2024-06-25",
    }
    response = client.post(reverse("record_edit", args=["MSS", "deployments", world.deployment.pk]), data)
    assert "makes KEN&#x27;s strength -50 on 2024-07-01" in response.content.decode()
    assert snapshot() == before


def test_archiving_an_arrival_later_departures_need_is_refused(world, client_of):
    client = client_of("force")
    client.post(
        reverse("record_new", args=["MSS", "deployments"]),
        {
            **GOOD["deployments"],
            "contributor": world.ken.pk,
            "change": "departure",
            "count": "150",
            "date": "2024-07-01",
        },
    )
    before = snapshot()
    response = client.post(reverse("record_archive", args=["MSS", "deployments", world.deployment.pk]))
    assert response.status_code == 200
    assert "makes KEN&#x27;s strength -150 on 2024-07-01" in response.content.decode()
    assert snapshot() == before


def test_a_second_mandate_with_the_same_authority_is_refused_at_the_top(world, client_of):
    data = {**GOOD["mandates"], "authority": world.mandate.authority}
    response = client_of("force").post(reverse("record_new", args=["MSS", "mandates"]), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Mandate with this Mission and Authority already exists."]
    assert '<div class="form-errors" role="alert">' in response.content.decode()


def test_the_same_authority_in_another_mission_is_fine(world, client_of):
    client = client_of("admin")
    response = client.post(
        reverse("record_new", args=["GSF", "mandates"]), {**GOOD["mandates"], "authority": world.mandate.authority}
    )
    assert response.status_code == 302
