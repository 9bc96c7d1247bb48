"""Numbers and dates typed the way each language writes them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from msaada.finance.models import Expenditure
from msaada.forces.models import Deployment

SPENT = {"ref": "", "budget_line": "Fuel", "currency": "USD", "date": "2024-08-31"}


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "1,250,000.50"),
        ("en", "1250000.5"),
        ("fr", "1 250 000,50"),  # a plain space, as people type it
        ("fr", "1\xa0250\xa0000,50"),  # the no-break space Django writes
        ("fr", "1\u202f250\u202f000,50"),  # the narrow no-break space of CLDR and phones
        ("es", "1 250 000,50"),  # Spanish groups with a space too (Django follows the RAE)
        ("fr", "1250000.50"),  # a point is still read as the decimal mark where it cannot be a grouping
    ],
)
def test_an_amount_typed_in_the_users_language_is_stored_exactly(world, client_of, language, typed):
    client = client_of("finance", language=language)
    response = client.post(
        reverse("record_new", args=["MSS", "expenditures"]), {**SPENT, "fund": world.fund.pk, "amount": typed}
    )
    assert response.status_code == 302
    assert Expenditure.objects.get(budget_line="Fuel").amount == Decimal("1250000.50")


def test_a_count_typed_with_french_grouping_is_a_whole_number(world, client_of):
    client = client_of("force", language="fr")
    data = {
        "unit": "Renfort",
        "contributor": world.ken.pk,
        "category": "police",
        "change": "arrival",
        "count": "1 250",
        "date": "2024-08-01",
    }
    assert client.post(reverse("record_new", args=["MSS", "deployments"]), data).status_code == 302
    assert Deployment.objects.get(unit="Renfort").count == 1250


def test_a_date_typed_in_the_french_way_is_read(world, client_of):
    client = client_of("finance", language="fr")
    data = {**SPENT, "fund": world.fund.pk, "amount": "10", "date": "31/07/2024"}
    assert client.post(reverse("record_new", args=["MSS", "expenditures"]), data).status_code == 302
    assert Expenditure.objects.get(budget_line="Fuel").date == dt.date(2024, 7, 31)


@pytest.mark.parametrize(
    ("language", "shown", "day"), [("en", "1,250,000.5", "2024-07-31"), ("fr", "1\xa0250\xa0000,5", "31/07/2024")]
)
def test_an_amount_is_shown_in_the_form_as_the_language_writes_it(world, client_of, language, shown, day):
    client = client_of("finance", language=language)
    page = client.get(reverse("record_edit", args=["MSS", "expenditures", world.expenditure.pk])).content.decode()
    assert f'name="amount" value="{shown}"' in page
    assert 'inputmode="decimal"' in page
    assert f'type="text" name="date" value="{day}"' in page


@pytest.mark.parametrize("typed", ["12abc", "1e5", "1E5", "0x10", "1.5e-3", "Infinity", "NaN"])
def test_an_amount_the_import_refuses_is_refused_by_the_form_with_the_same_words(world, client_of, typed):
    client = client_of("finance")
    response = client.post(
        reverse("record_new", args=["MSS", "expenditures"]), {**SPENT, "fund": world.fund.pk, "amount": typed}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["amount"] == ["not a plain decimal number"]
    assert not Expenditure.objects.filter(budget_line="Fuel").exists()
