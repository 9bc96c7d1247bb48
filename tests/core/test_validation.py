"""The rules every way in shares: model validation (forms, API, import) and the database's own constraints."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site
from msaada.sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission() -> Mission:
    return Mission.objects.create(code="MSS", name="MSS", host_country="HTI", lead_country="KEN")


@pytest.fixture
def un() -> Organization:
    return Organization.objects.create(key="un", name="United Nations", kind="multilateral")


@pytest.fixture
def fund(mission, un) -> Fund:
    return Fund.objects.create(mission=mission, key="tf", name="Trust fund", manager=un, kind="trust_fund")


def errors_of(record) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as invalid:
        record.full_clean()
    return invalid.value.message_dict


def test_mission_codes_are_checked_with_pycountry_and_iso_4217() -> None:
    record = Mission(code="X", name="X", host_country="HTX", lead_country="ken", base_currency="USX")
    assert errors_of(record) == {
        "host_country": ["unknown country code (ISO 3166 alpha-3, e.g. KEN)"],
        "lead_country": ["unknown country code (ISO 3166 alpha-3, e.g. KEN)"],
        "base_currency": ["unknown currency code (ISO 4217, e.g. USD)"],
    }


def test_mandate_end_before_start_is_refused(mission) -> None:
    record = Mandate(
        mission=mission, authority="R", start=dt.date(2025, 1, 2), end=dt.date(2025, 1, 1), authorized_strength=10
    )
    assert errors_of(record)["end"] == ["end 2025-01-01 is before start 2025-01-02"]


def test_mandate_of_one_day_is_valid(mission) -> None:
    Mandate(
        mission=mission, authority="R", start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 1), authorized_strength=0
    ).full_clean()


def test_negative_counts_are_refused(mission) -> None:
    kenya = Contributor.objects.create(code="KEN")
    record = Deployment(
        mission=mission,
        contributor=kenya,
        unit="u",
        category="police",
        change="arrival",
        count=-1,
        date=dt.date(2025, 1, 1),
    )
    assert errors_of(record) == {"count": ["must not be negative"]}


def test_enumerated_values_outside_their_list_are_refused(mission) -> None:
    kenya = Contributor.objects.create(code="KEN")
    record = Pledge(
        mission=mission, contributor=kenya, category="navy", count=1, date=dt.date(2025, 1, 1), status="maybe"
    )
    assert set(errors_of(record)) == {"category", "status"}


def test_negative_amount_is_refused(mission, fund) -> None:
    record = Expenditure(
        mission=mission,
        fund=fund,
        budget_line="fuel",
        amount=Decimal("-0.01"),
        currency="USD",
        date=dt.date(2025, 1, 1),
    )
    assert errors_of(record) == {"amount": ["must not be negative"]}


def test_amount_with_more_places_than_kept_is_refused(mission, fund, un) -> None:
    record = Flow(
        mission=mission,
        fund=fund,
        donor=un,
        stage="paid",
        amount=Decimal("1.00001"),
        currency="USD",
        date=dt.date(2025, 1, 1),
    )
    assert errors_of(record) == {"amount": ["at most 4 decimal places"]}


def test_flow_into_another_missions_fund_is_refused(mission, fund, un) -> None:
    other = Mission.objects.create(code="GSF", name="GSF", host_country="HTI", lead_country="USA")
    record = Flow(mission=other, fund=fund, donor=un, stage="paid", amount=1, currency="USD", date=dt.date(2025, 1, 1))
    assert errors_of(record) == {"fund": ["belongs to another mission"]}


def test_exchange_rate_must_be_above_zero() -> None:
    assert errors_of(FxRate(date=dt.date(2025, 1, 1), currency="CAD", per_usd=Decimal(0))) == {
        "per_usd": ["must be above zero"],
    }


def test_operational_assets_above_total_are_refused(mission, un) -> None:
    record = Asset(mission=mission, kind="MRAP", owner=un, date=dt.date(2025, 1, 1), total=4, operational=5)
    assert errors_of(record)["operational"] == ["5 operational is above the total of 4"]


def test_coordinates_out_of_range_are_refused(mission) -> None:
    record = Site(mission=mission, name="x", kind="airport", latitude=Decimal("90.5"), longitude=Decimal("-180.1"))
    errors = errors_of(record)
    assert errors["latitude"][0] == "Ensure this value is less than or equal to 90."
    assert errors["longitude"][0] == "Ensure this value is greater than or equal to -180."


def test_incident_fatalities_cannot_be_negative(mission) -> None:
    record = Incident(
        mission=mission,
        event_date=dt.date(2025, 1, 1),
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Gang",
        admin1="Ouest",
        location="Port-au-Prince",
        latitude=Decimal("18.5"),
        longitude=Decimal("-72.3"),
        fatalities=-2,
    )
    assert errors_of(record) == {"fatalities": ["must not be negative"]}


def test_contract_of_another_missions_service_line_is_refused(mission, un) -> None:
    other = Mission.objects.create(code="GSF", name="GSF", host_country="HTI", lead_country="USA")
    line = ServiceLine.objects.create(mission=other, name="Rations")
    record = Contract(
        mission=mission,
        service_line=line,
        vendor="V",
        funder=un,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 2, 1),
        value=1,
        currency="USD",
        capacity=1,
    )
    assert errors_of(record) == {"service_line": ["belongs to another mission"]}


def test_source_kind_is_enumerated() -> None:
    assert set(errors_of(Source(key="k", title="t", kind="blog"))) == {"kind"}


@pytest.mark.parametrize(
    ("make", "constraint"),
    [
        (
            lambda m, u, f: Mandate(
                mission=m, authority="R", start=dt.date(2025, 1, 2), end=dt.date(2025, 1, 1), authorized_strength=1
            ),
            "end",
        ),
        (
            lambda m, u, f: Asset(mission=m, kind="k", owner=u, date=dt.date(2025, 1, 1), total=1, operational=2),
            "operational",
        ),
        (
            lambda m, u, f: Expenditure(
                mission=m, fund=f, budget_line="b", amount=Decimal(-1), currency="USD", date=dt.date(2025, 1, 1)
            ),
            "amount",
        ),
        (
            lambda m, u, f: Site(mission=m, name="s", kind="airport", latitude=Decimal(91), longitude=Decimal(0)),
            "latitude",
        ),
        (lambda m, u, f: FxRate(date=dt.date(2025, 1, 1), currency="CAD", per_usd=Decimal(0)), "per_usd"),
    ],
)
def test_the_database_itself_refuses_what_validation_refuses(mission, un, fund, make, constraint) -> None:
    record = make(mission, un, fund)
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def test_records_are_archived_not_deleted(mission) -> None:
    with pytest.raises(ValidationError):
        mission.delete()
    mission.archive()
    assert Mission.objects.current().count() == 0
    assert Mission.objects.count() == 1
    assert mission.history.count() == 2


def test_saving_through_a_form_gives_the_identity_an_import_gives(mission) -> None:
    from msaada.exchange.formats import FILES_BY_NAME
    from msaada.exchange.identity import row_identity

    kenya = Contributor.objects.create(code="KEN")
    pledge = Pledge.objects.create(
        mission=mission, contributor=kenya, category="police", count=1000, date=dt.date(2023, 7, 29), status="pledged"
    )
    row = {
        "ref": "",
        "contributor": "KEN",
        "category": "police",
        "count": "1000",
        "date": "2023-07-29",
        "status": "pledged",
    }
    assert pledge.identity == row_identity(FILES_BY_NAME["pledges"], row)
