"""Small builders of mission records for the readiness tests: each call writes one row with plain defaults."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Mandate, Mission, Site, SiteStatus
from msaada.readiness.brief import brief_json, build_brief
from msaada.sources.models import Citation, Source


def day(text: str) -> date:
    """Return the date written YYYY-MM-DD."""
    return date.fromisoformat(text)


def days_after(text: str, days: int) -> str:
    """Return the ISO date `days` after the date written YYYY-MM-DD (before it when negative)."""
    return (day(text) + timedelta(days=days)).isoformat()


def mission(code: str = "mss", currency: str = "USD") -> Mission:
    return Mission.objects.create(
        code=code,
        name="Multinational Security Support",
        host_country="HTI",
        lead_country="KEN",
        base_currency=currency,
    )


def mandate(of: Mission, start: str, end: str, strength: int = 1000, authority: str | None = None) -> Mandate:
    return Mandate.objects.create(
        mission=of,
        authority=authority or f"Resolution {start}",
        start=day(start),
        end=day(end),
        authorized_strength=strength,
    )


def contributor(code: str) -> Contributor:
    return Contributor.objects.get_or_create(code=code)[0]


def pledge(of: Mission, country: str, count: int, on: str, status: str = "pledged", category: str = "police") -> Pledge:
    return Pledge.objects.create(
        mission=of,
        contributor=contributor(country),
        category=category,
        count=count,
        date=day(on),
        status=status,
    )


def deploy(
    of: Mission, country: str, count: int, on: str, change: str = "arrival", category: str = "police"
) -> Deployment:
    return Deployment.objects.create(
        mission=of,
        contributor=contributor(country),
        unit="contingent",
        category=category,
        change=change,
        count=count,
        date=day(on),
    )


def organization(key: str = "canada") -> Organization:
    return Organization.objects.get_or_create(key=key, defaults={"name": key.title(), "kind": "government"})[0]


def fund(of: Mission) -> Fund:
    return Fund.objects.get_or_create(
        mission=of,
        key="trust-fund",
        defaults={"name": "Trust fund", "manager": organization("un"), "kind": "trust_fund"},
    )[0]


def flow(
    of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "", donor: str = "canada"
) -> Flow:
    return Flow.objects.create(
        mission=of,
        fund=fund(of),
        donor=organization(donor),
        stage=stage,
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
        ref=ref,
    )


def rate(currency: str, on: str, per_usd: str) -> FxRate:
    return FxRate.objects.create(currency=currency, date=day(on), per_usd=Decimal(per_usd))


def spend(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    return Expenditure.objects.create(
        mission=of,
        fund=fund(of),
        budget_line="life support",
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
    )


def contract(of: Mission, line: str, start: str, end: str) -> Contract:
    service_line = ServiceLine.objects.get_or_create(mission=of, name=line)[0]
    return Contract.objects.create(
        mission=of,
        service_line=service_line,
        vendor="Vendor",
        funder=organization("us"),
        start=day(start),
        end=day(end),
        value=Decimal("1000"),
        currency="USD",
        capacity=100,
    )


def site(of: Mission, name: str, kind: str = "airport") -> Site:
    return Site.objects.create(mission=of, name=name, kind=kind, latitude=Decimal("18.58"), longitude=Decimal("-72.29"))


def status(of: Site, on: str, value: str) -> SiteStatus:
    return SiteStatus.objects.create(mission=of.mission, site=of, date=day(on), status=value)


def source(key: str, kind: str = "report", publisher: str = "", on: str | None = None) -> Source:
    return Source.objects.create(
        key=key,
        title=f"Title of {key}",
        publisher=publisher,
        date=day(on) if on else None,
        kind=kind,
    )


def cite(record: models.Model, *sources: Source) -> None:
    for cited in sources:
        Citation.objects.create(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            source=cited,
        )


def brief(of: Mission, on: str) -> dict[str, Any]:
    """Return the mission's brief as of the date, as the JSON object of brief.schema.json."""
    return brief_json(build_brief(of, day(on)))


def risks(data: dict[str, Any], code: str) -> list[dict[str, Any]]:
    """Return the brief's risks of one code, in the brief's order."""
    return [risk for risk in data["risks"] if risk["code"] == code]


def risk_codes(data: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """Return the brief's risks as (code, severity, subject), in the brief's order."""
    return [(risk["code"], risk["severity"], risk["subject"]) for risk in data["risks"]]


def full_mission(code: str = "mss") -> Mission:
    """A mission with a record of every kind behind a brief, most citing a source; see the figures below.

    As of 2025-09-23: mandate 9 days left; deployed 379 (KEN 371, BHS 8) of 2,500; pledged 1,150 (BLZ withdrawn);
    funding in USD: pledged 3000 (CAD 1355 at 1.355 + 2000), committed 1000, paid 2000 (CAD 720 at 1.44 + 1500),
    spent 1200, cash 800, unpaid CAD 635 at 1.44 = 440.97, burn 900 / 90 = 10, runway 80 days to 2025-12-12;
    Accommodation and Base security covered until 2025-09-30 (2 days short); the airport lost.
    """
    mss = mission(code)
    cite(mss, source("un-sc15432-2023", kind="resolution", publisher="UN", on="2023-10-02"))
    resolution = source("un-sc15838-2024", kind="resolution", publisher="UN", on="2024-09-30")
    mandate(mss, "2023-10-02", "2024-10-02", strength=2500, authority="UNSC resolution 2699 (2023)")
    cite(mandate(mss, "2024-10-02", "2025-10-02", strength=2500, authority="UNSC resolution 2751 (2024)"), resolution)
    news = source("reuters-2025-06-26", kind="news", publisher="Reuters", on="2025-06-26")
    cite(pledge(mss, "KEN", 1000, "2023-10-02"), news)
    cite(pledge(mss, "BHS", 150, "2024-02-29"), news)
    pledge(mss, "BLZ", 50, "2024-02-29")
    pledge(mss, "BLZ", 50, "2025-01-01", status="withdrawn")
    cite(deploy(mss, "KEN", 400, "2024-06-25"), news)
    cite(deploy(mss, "KEN", 29, "2025-06-26", change="departure"), news)
    deploy(mss, "BHS", 8, "2024-10-19")
    illustrative = source("illustrative-msaada-demo", kind="illustrative")
    cite(rate("CAD", "2024-01-01", "1.355"), illustrative)
    cite(rate("CAD", "2025-01-01", "1.44"), illustrative)
    flow(mss, "pledge", "1355", "2024-02-22", currency="CAD", ref="CAN")
    flow(mss, "commitment", "1355", "2024-03-01", currency="CAD", ref="CAN")
    flow(mss, "paid", "720", "2025-02-01", currency="CAD", ref="CAN")
    flow(mss, "pledge", "2000", "2024-03-11", ref="US", donor="us")
    flow(mss, "paid", "1500", "2024-06-20", ref="US", donor="us")
    cite(spend(mss, "300", "2025-05-01"), illustrative)
    cite(spend(mss, "900", "2025-09-01"), illustrative)
    contract(mss, "Accommodation", "2024-05-21", "2025-09-30")
    contract(mss, "Base security", "2024-05-21", "2024-12-31")
    contract(mss, "Base security", "2025-01-01", "2025-09-30")
    airport = site(mss, "Toussaint Louverture International Airport")
    status(airport, "2024-05-20", "reopened")
    status(airport, "2024-11-11", "hostile")
    site(mss, "National Palace", kind="palace")
    return mss
