"""Every URL of the app, for every role, answered as DESIGN.md's role table says: allowed, 404, or login.

The URLs come from the URL configuration itself, so a new page cannot escape this test: a
URL name the table below does not classify fails it. The table is DESIGN.md's, written out
here independently of msaada/accounts/scopes.py, so the two check each other.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import msaada
from msaada.accounts.models import Profile
from msaada.entry.entities import BY_MODEL, BY_SLUG, ENTITIES
from msaada.exchange.formats import FILES
from msaada.finance.models import Flow, Organization
from msaada.forces.models import Deployment, Pledge
from msaada.missions.models import Mandate, Mission
from msaada.plans.models import CostModel, Scenario
from msaada.uploads.views.templates import WORKBOOK_NAME

pytestmark = pytest.mark.django_db

DEMO = Path(msaada.__file__).parent / "demo" / "haiti"
SUPPORT = {"admin", "finance", "logistics", "force", "operations"}
ALL_KINDS = {entity.slug for entity in ENTITIES}
# DESIGN.md's role table: the kinds of record each role may see in detail, and keep.
SEES = {
    **dict.fromkeys(SUPPORT, ALL_KINDS),
    "liaison": {"pledges", "deployments"},
    "donor": {"flows"},
    "observer": set(),
}
KEEPS = {
    "admin": ALL_KINDS,
    # Exchange rates are shared with GSF, which this finance officer does not answer for (scopes.SHARED_FIGURES).
    "finance": {
        "organizations",
        "funds",
        "flows",
        "expenditures",
        "cost-models",
        "cost-lines",
        "planned-flows",
        "scenarios",
        "sources",
        "claims",
    },
    "logistics": {"service-lines", "contracts", "assets", "planned-contracts", "scenarios", "sources", "claims"},
    "force": {"mandates", "pledges", "deployments", "contributors", "targets", "scenarios", "sources", "claims"},
    "operations": {"sites", "site-statuses", "incidents", "scenarios", "sources", "claims"},
    "liaison": {"pledges", "deployments"},
    "donor": {"flows"},
    "observer": set(),
}
ROLES = [*SEES, None]  # None: not signed in
SOURCES_CSV = b"key,title,publisher,date,url,kind\nun-2751,Resolution 2751,United Nations,2024-09-30,,resolution\n"

PUBLIC = {"login", "password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete"}
PUBLIC |= {"api-schema", "api-docs"}
SIGNED_IN = {"home", "account", "password_change", "password_change_done"}
POST_ONLY = {"logout", "set_language", "import_confirm", "import_cancel", "review_decide"}
POST_ONLY |= {"api_token_create", "api_token_revoke"}
# The API (/api/v1/): a kind's list and records answer as the record pages do, but 401 to no one signed in;
# its writes by POST only (bulk, restore) answer GET with 405; the missions' figures as the dashboard.
API_KIND = {f"api-{slug}-list" for slug in ALL_KINDS}
API_RECORD = {f"api-{slug}-detail" for slug in ALL_KINDS}
API_POST = {f"api-{slug}-{action}" for slug in ALL_KINDS for action in ("bulk", "restore")}
API_MISSION = {f"api-mission-{view}" for view in ("list", "detail", "brief", "strength", "funding")}
API_NOWHERE = {"api-not-found"}
API = API_KIND | API_RECORD | API_POST | API_MISSION | API_NOWHERE
AGGREGATES = {"dashboard", "dashboard-chart", "plans", "plan", "plan-derived", "plan-chart", "plan-derived-chart"}
SEE_RECORD = {"record_detail", "record_history"}
SEE_KIND = {"record_list", "record_export_csv", "record_export_xlsx"}
KEEP_RECORD = {"record_edit", "record_archive", "record_restore"}
IMPORTS = {"import_upload", "import_template"}
UPLOADS = {"import_preview", "import_progress"}
# The review queue: officers who keep a reviewed kind (pledges, deployments, flows) and are no reporter.
REVIEWS = {"review_queue"}
REVIEWERS = {"admin", "force", "finance"}


@dataclass(frozen=True)
class Page:
    """A concrete URL, its name, and the values its placeholders took."""

    name: str
    url: str
    code: str = ""
    kind: str = ""
    record_scope: str = ""  # for a liaison or donor: "own" or "other" country or organization


def patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, str | None, str]]:
    """Yield (route, name, namespace-qualified name) of every URL pattern, admin included."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLPattern):
            yield route, entry.name, entry.lookup_str
        else:
            yield from patterns(entry, route)


def test_every_url_name_is_classified() -> None:
    known = PUBLIC | SIGNED_IN | POST_ONLY | AGGREGATES | SEE_RECORD | SEE_KIND | KEEP_RECORD | IMPORTS | UPLOADS
    known |= REVIEWS | API
    known |= {"record_index", "record_new"}
    unclassified = sorted(
        f"{route} ({name})"
        for route, name, _ in patterns(get_resolver())
        if not route.startswith("admin/") and name not in known
    )
    assert unclassified == [], "classify these URLs in the authorization matrix"


@pytest.fixture
def world(tmp_path) -> dict:
    """The MSS demo, the GSF mission no non-admin may see, a user per role, and a pending upload per importer."""
    call_command("import", str(DEMO / "mss"), "--mission", "MSS", verbosity=0)
    call_command("import", str(DEMO / "gsf"), "--mission", "GSF", verbosity=0)
    mss = Mission.objects.get(code="MSS")
    donor_org = Organization.objects.get(key=Flow.objects.filter(mission=mss).values_list("donor__key")[0][0])
    users = {}
    for role in SEES:
        user = get_user_model().objects.create_user(
            f"matrix-{role}", is_staff=role == "admin", is_superuser=role == "admin"
        )
        profile = Profile.objects.create(
            user=user,
            role=role,
            country="KEN" if role == "liaison" else "",
            organization=donor_org if role == "donor" else None,
        )
        profile.missions.add(mss)
        users[role] = user
    for mission in Mission.objects.filter(code__in=("MSS", "GSF")):
        # A scenario from the first mandate's start, so each plan page and chart has a plan to show.
        start = Mandate.objects.filter(mission=mission).order_by("start").values_list("start", flat=True)[0]
        CostModel.objects.create(mission=mission, key="matrix", name="Matrix", effective=start)
        Scenario.objects.create(mission=mission, name="matrix", start=start)
    return {"mss": mss, "users": users, "donor_org": donor_org}


def record_pages(name: str, route: str, world: dict) -> Iterator[Page]:
    """Yield the record URL for a record of each kind, and for liaisons and donors one of theirs and one not."""
    mss = world["mss"]
    own_and_other = {
        "deployments": (
            Deployment.objects.filter(mission=mss, contributor__code="KEN"),
            Deployment.objects.filter(mission=mss).exclude(contributor__code="KEN"),
        ),
        "pledges": (
            Pledge.objects.filter(mission=mss, contributor__code="KEN"),
            Pledge.objects.filter(mission=mss).exclude(contributor__code="KEN"),
        ),
        "flows": (
            Flow.objects.filter(mission=mss, donor=world["donor_org"]),
            Flow.objects.filter(mission=mss).exclude(donor=world["donor_org"]),
        ),
    }
    for entity in ENTITIES:
        if entity.slug in own_and_other:
            choices = zip(("own", "other"), own_and_other[entity.slug], strict=True)
        else:
            model = entity.model
            records = model.objects.filter(mission=mss) if entity.in_mission else model.objects.all()
            choices = [("", records)]
        for scope, records in choices:
            record = records.order_by("pk").first()
            if record is None:
                continue
            kwargs = {"code": "MSS", "kind": entity.slug, "pk": record.pk}
            if "<int:history_id>" in route:
                kwargs["history_id"] = record.history.order_by("history_id").first().history_id
            yield Page(name, fill(route, kwargs), "MSS", entity.slug, scope)


def fill(route: str, kwargs: dict) -> str:
    """Put the values into the route's placeholders."""
    url = route
    for key, value in kwargs.items():
        for converter in ("slug", "int", "str", "path", ""):
            placeholder = f"<{converter}:{key}>" if converter else f"<{key}>"
            url = url.replace(placeholder, str(value))
    assert "<" not in url, f"no value for a placeholder of {route}"
    return "/" + url


def pages(world: dict, tokens: dict[str, str]) -> Iterator[Page]:
    """Yield a concrete URL for every pattern of the app, with each value its placeholders may meaningfully take."""
    for route, name, _ in patterns(get_resolver()):
        if route.startswith("admin/"):
            continue
        if name in SEE_RECORD | KEEP_RECORD | {"review_decide"} | API_RECORD | API_POST:
            if name.startswith("api-") and not name.startswith(f"api-{route.split('/')[2]}-"):
                continue  # each kind's API route walks its own kind's records only
            for page in record_pages(name, route, world):
                if not name.startswith("api-") or page.kind == route.split("/")[2]:
                    yield page
            if name not in API_RECORD:
                continue
            entity = BY_SLUG[route.split("/")[2]]
            gsf = entity.model.objects.filter(mission__code="GSF").first() if entity.in_mission else None
            if gsf is not None:
                yield Page(name, fill(route, {"pk": gsf.pk}), "GSF", entity.slug)
        elif name in API_KIND:
            yield Page(name, "/" + route, "", route.split("/")[2])
        elif name in API_MISSION:
            if name == "api-mission-list":
                yield Page(name, "/" + route)
                continue
            dated = "" if name == "api-mission-detail" else "?as_of=2025-09-23"
            for code in ("MSS", "GSF"):
                yield Page(name, fill(route, {"code": code}) + dated, code)
        elif name == "api_token_revoke":
            yield Page(name, fill(route, {"key": "msaada_00000000"}))
        elif name in API_NOWHERE:
            yield Page(name, "/api/v1/nothing-here")
        elif name in SEE_KIND | {"record_new"}:
            for slug in sorted(ALL_KINDS):
                yield Page(name, fill(route, {"code": "MSS", "kind": slug}), "MSS", slug)
        elif name == "dashboard-chart":
            # Charts share one view and one scope check: one of them per mission walks the pattern.
            for code in ("MSS", "GSF"):
                yield Page(name, fill(route, {"code": code, "name": "strength"}), code)
        elif name in {"plan", "plan-derived", "plan-chart", "plan-derived-chart"}:
            for code in ("MSS", "GSF"):
                start = Scenario.objects.get(mission__code=code, name="matrix").start.isoformat()
                values = {"code": code, "name": "matrix", "kind": "hold", "chart": "strength"}
                yield Page(name, fill(route, values) + f"?start={start}", code)
        elif name == "import_template":
            for spec in FILES:
                kind = "missions" if spec.model is Mission else BY_MODEL[spec.model].slug
                yield Page(name, fill(route, {"code": "MSS", "file_name": f"{spec.name}.csv"}), "MSS", kind)
            yield Page(name, fill(route, {"code": "MSS", "file_name": WORKBOOK_NAME}), "MSS", "sources")
        elif name in UPLOADS | {"import_confirm", "import_cancel"}:
            for owner, token in tokens.items():
                yield Page(name, fill(route, {"code": "MSS", "token": token}), "MSS", kind=owner)
        elif name == "password_reset_confirm":
            yield Page(name, fill(route, {"uidb64": "MQ", "token": "set-password"}))
        elif "<slug:code>" in route:
            for code in ("MSS", "GSF"):
                yield Page(name, fill(route, {"code": code}), code)
        else:
            yield Page(name, "/" + route)


def expected(role: str | None, page: Page) -> str:
    """Return what the role table says the answer is: "ok", "404", "login" or "405"."""
    if page.name in POST_ONLY:
        return "redirect" if page.name == "set_language" else "405"
    if page.name in PUBLIC:
        return "ok"
    if page.name in API_NOWHERE:
        return "404"
    if page.name in API:
        return api_expected(role, page)
    if role is None:
        return "login"
    if page.code == "GSF" and role != "admin":
        return "404"
    if page.name in SIGNED_IN | AGGREGATES:
        return "ok"
    if page.name == "record_index":
        return "ok" if SEES[role] else "404"
    if page.name in REVIEWS:
        return "ok" if role in REVIEWERS else "404"
    if page.name == "import_upload":
        return "ok" if role in SUPPORT else "404"
    if page.name == "import_template":
        return "ok" if role in SUPPORT and (page.kind in KEEPS[role] or role == "admin") else "404"
    if page.name in UPLOADS:
        return "ok" if page.kind == role else "404"
    sees = page.kind in SEES[role] and not (role in {"liaison", "donor"} and page.record_scope == "other")
    if page.name in SEE_KIND | SEE_RECORD:
        return "ok" if sees else "404"
    if page.name == "record_new":
        return "ok" if page.kind in KEEPS[role] else "404"
    if page.name == "record_archive" and not BY_SLUG[page.kind].archivable:
        return "404"
    if page.name in KEEP_RECORD:
        return "ok" if sees and page.kind in KEEPS[role] else "404"
    raise AssertionError(f"unclassified page {page}")


def api_expected(role: str | None, page: Page) -> str:
    """Return what the API answers a GET: as the record pages, but 401 signed out and 405 to a POST-only URL."""
    if role is None:
        return "401"
    if page.name in API_POST:
        return "405"
    if page.code == "GSF" and role != "admin":
        return "404"
    if page.name in API_MISSION:
        return "ok"
    sees = page.kind in SEES[role] and not (role in {"liaison", "donor"} and page.record_scope == "other")
    return "ok" if sees else "404"


def answer(client: Client, url: str) -> str:
    """Return what a GET of the URL answered, in the matrix's words."""
    response = client.get(url)
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302:
        return "login" if response["Location"].startswith("/accounts/login/") else "redirect"
    return str(response.status_code)


def uploaded_by(user) -> str:
    """Upload a sources file as the user, through the page, and return the token of its preview."""
    client = Client()
    client.force_login(user)
    response = client.post("/m/MSS/records/import/", {"files": SimpleUploadedFile("sources.csv", SOURCES_CSV)})
    assert response.status_code == 302, response.content
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def test_every_url_for_every_role_answers_as_the_role_table_says(world: dict) -> None:
    tokens = {role: uploaded_by(world["users"][role]) for role in SUPPORT}
    wrong = []
    for role in ROLES:
        client = Client()
        if role is not None:
            client.force_login(world["users"][role])
        for page in pages(world, tokens):
            got, want = answer(client, page.url), expected(role, page)
            if got != want:
                wrong.append(f"{role or 'anonymous'} GET {page.url}: {got}, expected {want}")
    assert wrong == [], "\n".join(wrong)


def test_the_admin_site_is_for_admins_only(world: dict) -> None:
    admin_urls = ["/admin/", f"/admin/forces/deployment/{Deployment.objects.first().pk}/change/"]
    admin_urls += [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") for model in admin.site._registry
    ]
    for role in ROLES:
        client = Client()
        if role is not None:
            client.force_login(world["users"][role])
        for url in admin_urls:
            response = client.get(url)
            if role == "admin":
                assert response.status_code == 200, url
            else:
                assert response.status_code == 302, url
                assert response["Location"].startswith("/admin/login/"), url
