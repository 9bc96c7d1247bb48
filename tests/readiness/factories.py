"""Small builders of mission records for the readiness tests: each call writes one row with plain defaults."""

from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Mandate, Mission, Site, SiteStatus
from msaada.sources.models import Citation, Source


def day(text: str) -> date:
    """Return the date written YYYY-MM-DD."""
    return date.fromisoformat(text)


def mission(code: str = "mss", currency: str = "USD") -> Mission:
    return Mission.objects.create(
        code=code, name="Multinational Security Support", host_country="HTI", lead_country="KEN",
        base_currency=currency,
    )


def mandate(of: Mission, start: str, end: str, strength: int = 1000, authority: str | None = None) -> Mandate:
    return Mandate.objects.create(
        mission=of, authority=authority or f"Resolution {start}", start=day(start), end=day(end),
        authorized_strength=strength,
    )


def contributor(code: str) -> Contributor:
    return Contributor.objects.get_or_create(code=code)[0]


def pledge(of: Mission, country: str, count: int, on: str, status: str = "pledged",
           category: str = "police") -> Pledge:
    return Pledge.objects.create(
        mission=of, contributor=contributor(country), category=category, count=count, date=day(on), status=status,
    )


def deploy(of: Mission, country: str, count: int, on: str, change: str = "arrival",
           category: str = "police") -> Deployment:
    return Deployment.objects.create(
        mission=of, contributor=contributor(country), unit="contingent", category=category, change=change,
        count=count, date=day(on),
    )


def organization(key: str = "canada") -> Organization:
    return Organization.objects.get_or_create(key=key, defaults={"name": key.title(), "kind": "government"})[0]


def fund(of: Mission) -> Fund:
    return Fund.objects.get_or_create(
        mission=of, key="trust-fund",
        defaults={"name": "Trust fund", "manager": organization("un"), "kind": "trust_fund"},
    )[0]


def flow(of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "") -> Flow:
    return Flow.objects.create(
        mission=of, fund=fund(of), donor=organization(), stage=stage, amount=Decimal(amount), currency=currency,
        date=day(on), ref=ref,
    )


def rate(currency: str, on: str, per_usd: str) -> FxRate:
    return FxRate.objects.create(currency=currency, date=day(on), per_usd=Decimal(per_usd))


def spend(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    return Expenditure.objects.create(
        mission=of, fund=fund(of), budget_line="life support", amount=Decimal(amount), currency=currency,
        date=day(on),
    )


def contract(of: Mission, line: str, start: str, end: str) -> Contract:
    service_line = ServiceLine.objects.get_or_create(mission=of, name=line)[0]
    return Contract.objects.create(
        mission=of, service_line=service_line, vendor="Vendor", funder=organization("us"), start=day(start),
        end=day(end), value=Decimal("1000"), currency="USD", capacity=100,
    )


def site(of: Mission, name: str, kind: str = "airport") -> Site:
    return Site.objects.create(mission=of, name=name, kind=kind, latitude=Decimal("18.58"), longitude=Decimal("-72.29"))


def status(of: Site, on: str, value: str) -> SiteStatus:
    return SiteStatus.objects.create(mission=of.mission, site=of, date=day(on), status=value)


def source(key: str, kind: str = "report", publisher: str = "", on: str | None = None) -> Source:
    return Source.objects.create(
        key=key, title=f"Title of {key}", publisher=publisher, date=day(on) if on else None, kind=kind,
    )


def cite(record: models.Model, *sources: Source) -> None:
    for cited in sources:
        Citation.objects.create(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk, source=cited,
        )
