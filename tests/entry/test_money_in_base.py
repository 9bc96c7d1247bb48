"""Money in the mission's currency on the record pages: list totals, a record's rate and value, the missing rate."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from msaada.finance.models import Expenditure, Flow
from msaada.logistics.models import Contract, ServiceLine
from tests.factories import day, fund, mission, organization, person, rate


def add_flow(world, amount: str, currency: str, on: str, stage: str = "paid", ref: str = "") -> Flow:
    return Flow.objects.create(
        mission=world.mss,
        ref=ref,
        fund=world.fund,
        donor=world.canada,
        stage=stage,
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
    )


@pytest.fixture
def euro_flows(world):
    """Two paid EUR flows, each at the EUR rate of its own date, beside the world's paid USD 9,000,000."""
    rate("EUR", "2024-01-01", "0.92")
    rate("EUR", "2024-06-01", "0.80")
    add_flow(world, "1000000", "EUR", "2024-03-01", ref="EU-1")
    add_flow(world, "400", "EUR", "2024-07-01", ref="EU-2")


def test_a_list_totals_the_filtered_records_each_at_the_rate_of_its_date(world, client_of, euro_flows):
    response = client_of("admin").get("/m/MSS/records/flows/", {"stage": "paid"})
    totals = response.context["totals"]
    # 9,000,000 USD + 1,000,000 EUR / 0.92 (rate of 2024-01-01) + 400 EUR / 0.80 (rate of 2024-06-01)
    # = 9,000,000 + 1,086,956.521739... + 500 = 10,087,456.521739... -> 10,087,456.52
    assert totals.in_base == Decimal("10087456.52")
    assert totals.as_recorded == (("EUR", Decimal("1000400")), ("USD", Decimal("9000000")))
    assert response.context["page"].paginator.count == 3
    text = response.content.decode()
    assert "USD 10,087,456.52" in text
    assert "EUR 1,000,400.00 · USD 9,000,000.00" in text


def test_the_total_follows_the_filter(world, client_of, euro_flows):
    response = client_of("admin").get("/m/MSS/records/flows/", {"currency": "EUR"})
    # 1,000,000 / 0.92 + 400 / 0.80 = 1,086,956.521739... + 500 -> 1,087,456.52
    assert response.context["totals"].in_base == Decimal("1087456.52")


def test_a_list_total_in_french_uses_french_separators(world, client_of, euro_flows):
    text = client_of("admin", "fr").get("/m/MSS/records/flows/", {"currency": "EUR"}).content.decode()
    assert "USD 1\u202f087\u202f456,52" in text


def test_the_totals_cost_one_query_whatever_the_currencies(world, client_of, euro_flows):
    client = client_of("admin")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/m/MSS/records/flows/")
        return len(captured)

    before = queries()
    rate("GBP", "2024-01-01", "0.8")
    add_flow(world, "10", "GBP", "2024-02-01")
    add_flow(world, "20", "GBP", "2024-08-01")
    assert queries() == before


def test_a_flows_page_shows_the_rate_used_and_its_value_in_the_missions_currency(world, client_of):
    response = client_of("admin").get(f"/m/MSS/records/flows/{world.flow.pk}/")
    in_base = response.context["in_base"]
    # 80,500,000 CAD / 1.35 CAD per USD = 59,629,629.6296... -> 59,629,629.63
    assert in_base.value == Decimal("59629629.63")
    assert in_base.rate == world.rate
    text = response.content.decode()
    assert "USD 59,629,629.63" in text
    assert f'<a href="/m/MSS/records/fx-rates/{world.rate.pk}/">1.35 CAD per US dollar, from 2024-01-01</a>' in text


def test_a_donor_sees_the_rate_of_its_flow_without_a_link_to_the_rates_it_may_not_open(world, client_of):
    text = client_of("donor").get(f"/m/MSS/records/flows/{world.flow.pk}/").content.decode()
    assert "1.35 CAD per US dollar, from 2024-01-01" in text
    assert "/records/fx-rates/" not in text


def test_in_a_euro_mission_the_euro_rate_converts_a_dollar_expenditure_and_a_contract(db):
    euro = mission("EUM", currency="EUR")
    rate("EUR", "2025-01-01", "0.9")
    rate("EUR", "2025-02-01", "0.8")
    spent = Expenditure.objects.create(
        mission=euro, fund=fund(euro), budget_line="Fuel", amount=Decimal("100"), currency="USD", date=day("2025-01-10")
    )
    line = ServiceLine.objects.create(mission=euro, name="Fuel")
    bought = Contract.objects.create(
        mission=euro,
        service_line=line,
        vendor="V",
        funder=organization("un"),
        start=day("2025-02-15"),
        end=day("2025-12-31"),
        value=1000,
        currency="USD",
        capacity=100,
    )
    client = Client()
    client.force_login(person("admin", euro))
    response = client.get(f"/m/EUM/records/expenditures/{spent.pk}/")
    in_base = response.context["in_base"]
    # 100 USD * 0.9 EUR per USD (rate of 2025-01-01) = 90 EUR; the dollar needs no rate of its own.
    assert in_base.value == Decimal("90.00")
    assert in_base.rate is None
    assert [used.text for used in in_base.rates] == ["0.9 EUR per US dollar, from 2025-01-01"]
    assert "EUR 90.00" in response.content.decode()
    # A contract converts at the rate of its start: 1,000 USD * 0.8 (rate of 2025-02-01) = 800 EUR.
    response = client.get(f"/m/EUM/records/contracts/{bought.pk}/")
    assert response.context["in_base"].value == Decimal("800.00")


def test_a_record_in_the_missions_currency_needs_no_rate(world, client_of):
    text = client_of("admin").get(f"/m/MSS/records/flows/{world.usa_flow.pk}/").content.decode()
    assert "USD 9,000,000.00" in text
    assert "None needed: the amount is in the mission's currency." in text


@pytest.fixture
def gourdes(world) -> Flow:
    """A flow in gourdes, for which no rate is on record."""
    return add_flow(world, "5000", "HTG", "2024-05-01", ref="HTG-1")


ADD_HTG = '<a class="button secondary" href="/m/MSS/records/fx-rates/new/?currency=HTG&amp;date=2024-05-01">'


def test_a_list_without_a_rate_says_so_and_links_an_admin_to_adding_it(world, client_of, gourdes):
    response = client_of("admin").get("/m/MSS/records/flows/")
    assert response.context["totals"].in_base is None
    text = response.content.decode()
    assert "no exchange rate for HTG on or before 2024-05-01" in text
    assert ADD_HTG in text


def test_the_link_opens_the_rate_form_filled_in_with_the_currency_and_the_date(world, client_of, gourdes):
    response = client_of("admin").get("/m/MSS/records/fx-rates/new/", {"currency": "HTG", "date": "2024-05-01"})
    form = response.context["form"]
    assert form["currency"].value() == "HTG"
    assert form["date"].value() == "2024-05-01"


def test_someone_who_may_not_add_rates_is_told_who_may(world, client_of, gourdes):
    # This finance officer works on MSS only, and rates are shared with GSF.
    text = client_of("finance").get(f"/m/MSS/records/flows/{gourdes.pk}/").content.decode()
    assert "no exchange rate for HTG on or before 2024-05-01" in text
    assert "/records/fx-rates/new/" not in text
    assert "only an administrator, or a finance officer of every mission, may add the rate of HTG" in text


def test_the_dashboard_without_a_rate_links_to_adding_it(world, client_of, gourdes):
    text = client_of("admin").get("/m/MSS/", {"as_of": "2024-06-01"}).content.decode()
    assert "The brief cannot be computed for this date" in text
    assert ADD_HTG in text
    assert (
        "/records/fx-rates/new/" not in client_of("observer").get("/m/MSS/", {"as_of": "2024-06-01"}).content.decode()
    )


def test_a_form_refusing_an_amount_without_a_rate_links_to_adding_it(world, client_of):
    response = client_of("admin").post(
        "/m/MSS/records/flows/new/",
        {
            "ref": "HTG-2",
            "fund": world.fund.pk,
            "donor": world.canada.pk,
            "stage": "paid",
            "amount": "5000",
            "currency": "HTG",
            "date": "2024-05-01",
        },
    )
    assert response.status_code == 200
    assert not Flow.objects.filter(ref="HTG-2").exists()
    assert ADD_HTG in response.content.decode()
