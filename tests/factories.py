"""Builders of records and users for every test folder: each call writes one row with plain defaults.

Dates are written YYYY-MM-DD; any other field of a record is given by keyword and replaces its default.
The builders named for a thing (`deployment`, `flow_event`, `expenditure`) return it unsaved, for bulk_create.
"""

import secrets
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models

from msaada.accounts.models import Profile
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from msaada.sources.models import Citation, Source


def day(text: str) -> date:
    """Return the date written YYYY-MM-DD."""
    return date.fromisoformat(text)


def days_after(text: str, days: int) -> str:
    """Return the ISO date `days` after the date written YYYY-MM-DD (before it when negative)."""
    return (day(text) + timedelta(days=days)).isoformat()


def mission(code: str = "mss", currency: str = "USD", **fields: Any) -> Mission:
    return Mission.objects.create(
        **{
            "code": code,
            "name": "Multinational Security Support",
            "host_country": "HTI",
            "lead_country": "KEN",
            "base_currency": currency,
            **fields,
        }
    )


def mandate(of: Mission, start: str, end: str, strength: int = 1000, authority: str = "") -> Mandate:
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
        mission=of, contributor=contributor(country), category=category, count=count, date=day(on), status=status
    )


def deployment(
    of: Mission, country: str, count: int, on: str, change: str = "arrival", category: str = "police", **fields: Any
) -> Deployment:
    return Deployment(
        **{
            "mission": of,
            "contributor": contributor(country),
            "unit": "contingent",
            "category": category,
            "change": change,
            "count": count,
            "date": day(on),
            **fields,
        }
    )


def deploy(
    of: Mission, country: str, count: int, on: str, change: str = "arrival", category: str = "police", **fields: Any
) -> Deployment:
    record = deployment(of, country, count, on, change, category, **fields)
    record.save()
    return record


def organization(key: str = "canada", **fields: Any) -> Organization:
    return Organization.objects.get_or_create(key=key, defaults={"name": key.title(), "kind": "government", **fields})[
        0
    ]


def fund(of: Mission) -> Fund:
    return Fund.objects.get_or_create(
        mission=of,
        key="trust-fund",
        defaults={"name": "Trust fund", "manager": organization("un"), "kind": "trust_fund"},
    )[0]


def flow_event(
    of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "", donor: str = "canada"
) -> Flow:
    return Flow(
        mission=of,
        fund=fund(of),
        donor=organization(donor),
        stage=stage,
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
        ref=ref,
    )


def flow(
    of: Mission, stage: str, amount: str, on: str, currency: str = "USD", ref: str = "", donor: str = "canada"
) -> Flow:
    record = flow_event(of, stage, amount, on, currency, ref, donor)
    record.save()
    return record


def rate(currency: str, on: str, per_usd: str) -> FxRate:
    return FxRate.objects.create(currency=currency, date=day(on), per_usd=Decimal(per_usd))


def expenditure(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    return Expenditure(
        mission=of, fund=fund(of), budget_line="life support", amount=Decimal(amount), currency=currency, date=day(on)
    )


def spend(of: Mission, amount: str, on: str, currency: str = "USD") -> Expenditure:
    record = expenditure(of, amount, on, currency)
    record.save()
    return record


def contract(of: Mission, line: str, start: str, end: str, capacity: int = 100) -> Contract:
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
        capacity=capacity,
    )


def site(of: Mission, name: str, kind: str = "airport", latitude: str = "18.58", longitude: str = "-72.29") -> Site:
    return Site.objects.create(
        mission=of, name=name, kind=kind, latitude=Decimal(latitude), longitude=Decimal(longitude)
    )


def status(of: Site, on: str, value: str) -> SiteStatus:
    return SiteStatus.objects.create(mission=of.mission, site=of, date=day(on), status=value)


def incident(of: Mission, on: str, **fields: Any) -> Incident:
    return Incident.objects.create(
        **{
            "mission": of,
            "event_date": day(on),
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Gang",
            "admin1": "Ouest",
            "location": "Port-au-Prince",
            "latitude": Decimal("18.54"),
            "longitude": Decimal("-72.34"),
            "fatalities": 0,
            **fields,
        }
    )


def asset(of: Mission, on: str, total: int, operational: int, **fields: Any) -> Asset:
    return Asset.objects.create(
        **{
            "mission": of,
            "kind": "vehicle",
            "owner": organization("us"),
            "date": day(on),
            "total": total,
            "operational": operational,
            **fields,
        }
    )


def cost_model(of: Mission, effective: str, key: str = "standard", **fields: Any) -> CostModel:
    return CostModel.objects.create(
        **{"mission": of, "key": key, "name": key.title(), "effective": day(effective), **fields}
    )


def cost_line(model: CostModel, amount: str, basis: str = "person_month", **fields: Any) -> CostLine:
    return CostLine.objects.create(
        **{
            "mission": model.mission,
            "cost_model": model,
            "budget_line": "allowances",
            "basis": basis,
            "amount": Decimal(amount),
            "currency": "USD",
            "channel": "assessed",
            **fields,
        }
    )


def scenario(of: Mission, start: str, name: str = "build-up", **fields: Any) -> Scenario:
    return Scenario.objects.create(**{"mission": of, "name": name, "start": day(start), **fields})


def target(of: Scenario, country: str, strength: int, on: str, category: str = "police") -> Target:
    return Target.objects.create(
        mission=of.mission,
        scenario=of,
        contributor=contributor(country),
        category=category,
        date=day(on),
        strength=strength,
    )


def planned_flow(
    of: Scenario, amount: str, on: str, stage: str = "paid", currency: str = "USD", into: Fund | None = None
) -> PlannedFlow:
    return PlannedFlow.objects.create(
        mission=of.mission,
        scenario=of,
        fund=into or fund(of.mission),
        donor=organization(),
        stage=stage,
        amount=Decimal(amount),
        currency=currency,
        date=day(on),
    )


def planned_contract(of: Scenario, line: str, start: str, end: str, capacity: int = 100) -> PlannedContract:
    return PlannedContract.objects.create(
        mission=of.mission,
        scenario=of,
        service_line=ServiceLine.objects.get_or_create(mission=of.mission, name=line)[0],
        vendor="Vendor",
        start=day(start),
        end=day(end),
        capacity=capacity,
        value=Decimal(1000),
        currency="USD",
    )


def source(key: str, kind: str = "report", publisher: str = "", on: str | None = None) -> Source:
    return Source.objects.create(
        key=key, title=f"Title of {key}", publisher=publisher, date=day(on) if on else None, kind=kind
    )


def cite(record: models.Model, *sources: Source) -> None:
    for cited in sources:
        Citation.objects.create(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk, source=cited
        )


def person(
    role: str | None,
    *missions: Mission,
    username: str = "",
    password: str | None = None,
    email: str = "",
    language: str = "en",
    country: str = "",
    organization: Organization | None = None,
    superuser: bool = False,
) -> AbstractBaseUser:
    """Return a new user with a profile of this role on these missions (no profile when role is None).

    The username is the role and a random suffix unless one is given; without a password the user has
    none usable, and a test logs it in with `force_login`.
    """
    user = get_user_model().objects.create_user(
        username or f"{role}-{secrets.token_hex(4)}",
        email=email,
        password=password,
        is_superuser=superuser,
        is_staff=superuser,
    )
    if role is not None:
        profile = Profile.objects.create(
            user=user, role=role, language=language, country=country, organization=organization
        )
        profile.missions.add(*missions)
    return user
