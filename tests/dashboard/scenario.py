"""Small mission records for the dashboard tests: each builder writes one row with plain defaults."""

import secrets
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser

from msaada.accounts.models import Profile
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Contract, ServiceLine
from msaada.missions.models import Mandate, Mission, Site, SiteStatus


def day(text: str) -> date:
    return date.fromisoformat(text)


def mission(code: str = "alpha", currency: str = "USD") -> Mission:
    return Mission.objects.create(
        code=code, name=f"Mission {code}", host_country="HTI", lead_country="KEN", base_currency=currency
    )


def person(
    role: str, *missions: Mission, language: str = "en", country: str = "", organization: Organization | None = None
) -> AbstractBaseUser:
    user = get_user_model().objects.create_user(f"{role}-{secrets.token_hex(4)}")
    profile = Profile.objects.create(
        user=user, role=role, language=language, country=country, organization=organization
    )
    profile.missions.add(*missions)
    return user


def mandate(of: Mission, start: str, end: str, strength: int, authority: str = "") -> Mandate:
    return Mandate.objects.create(
        mission=of,
        authority=authority or f"Resolution of {start}",
        start=day(start),
        end=day(end),
        authorized_strength=strength,
    )


def contributor(code: str) -> Contributor:
    return Contributor.objects.get_or_create(code=code)[0]


def deployment(of: Mission, country: str, count: int, on: str, change: str = "arrival") -> Deployment:
    return Deployment(
        mission=of,
        contributor=contributor(country),
        unit="contingent",
        category="police",
        change=change,
        count=count,
        date=day(on),
    )


def deploy(of: Mission, country: str, count: int, on: str, change: str = "arrival") -> Deployment:
    record = deployment(of, country, count, on, change)
    record.save()
    return record


def pledge(of: Mission, country: str, count: int, on: str, status: str = "pledged", category: str = "police") -> Pledge:
    return Pledge.objects.create(
        mission=of, contributor=contributor(country), category=category, count=count, date=day(on), status=status
    )


def organization(key: str = "canada") -> Organization:
    return Organization.objects.get_or_create(key=key, defaults={"name": key.title(), "kind": "government"})[0]


def fund(of: Mission) -> Fund:
    return Fund.objects.get_or_create(
        mission=of,
        key="trust-fund",
        defaults={"name": "Trust fund", "manager": organization("un"), "kind": "trust_fund"},
    )[0]


def flow_event(of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "") -> Flow:
    return Flow(
        mission=of,
        fund=fund(of),
        donor=organization(),
        stage=stage,
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
        ref=ref,
    )


def flow(of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "") -> Flow:
    record = flow_event(of, stage, amount, on, currency, ref)
    record.save()
    return record


def rate(currency: str, on: str, per_usd: str) -> FxRate:
    return FxRate.objects.create(currency=currency, date=day(on), per_usd=Decimal(per_usd))


def expenditure(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    return Expenditure(
        mission=of, fund=fund(of), budget_line="rations", amount=Decimal(amount), currency=currency, date=day(on)
    )


def spend(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    record = expenditure(of, amount, on, currency)
    record.save()
    return record


def contract(of: Mission, line: str, start: str, end: str) -> Contract:
    service_line = ServiceLine.objects.get_or_create(mission=of, name=line)[0]
    return Contract.objects.create(
        mission=of,
        service_line=service_line,
        vendor="Vendor",
        funder=organization("us"),
        start=day(start),
        end=day(end),
        value=Decimal(1000),
        currency="USD",
        capacity=100,
    )


def site(of: Mission, name: str, latitude: str = "18.58", longitude: str = "-72.29") -> Site:
    return Site.objects.create(
        mission=of, name=name, kind="airport", latitude=Decimal(latitude), longitude=Decimal(longitude)
    )


def status(of: Site, on: str, value: str) -> SiteStatus:
    return SiteStatus.objects.create(mission=of.mission, site=of, date=day(on), status=value)
