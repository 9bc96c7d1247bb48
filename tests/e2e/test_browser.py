"""The web app in a real browser: each role signs in and works as DESIGN.md's role table says."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from msaada.finance.models import Organization
from msaada.forces.models import Deployment
from msaada.missions.models import Mission
from tests.browser import screenshot, serious_violations
from tests.e2e.conftest import log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TILES = ".tiles"


def tile_text(page: Page) -> str:
    return page.locator(TILES).inner_text()


@pytest.mark.parametrize(
    "role", ["admin", "finance", "logistics", "force", "operations", "liaison", "donor", "observer"]
)
def test_each_role_logs_in_and_sees_its_mission(page: Page, demo: Mission, role: str) -> None:
    organization = Organization.objects.get(key="can-gov") if role == "donor" else None
    user, password = make_user(role, demo, country="KEN" if role == "liaison" else "", organization=organization)
    log_in(page, user.username, password)
    expect(page.get_by_role("link", name=re.compile("MSS"))).to_be_visible()
    page.goto("/m/MSS/?as_of=2025-09-23")
    expect(page.locator(TILES)).to_contain_text("991 / 2,500")


def test_the_dashboard_travels_in_time_and_passes_axe(page: Page, demo: Mission) -> None:
    user, password = make_user("observer", demo)
    log_in(page, user.username, password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    tiles = tile_text(page)
    assert "991 / 2,500" in tiles
    assert "9 days left" in tiles
    assert "39.6" in tiles
    assert serious_violations(page) == []
    screenshot(page, "dashboard-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "dashboard-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("As of").fill("2025-01-15")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"as_of=2025-01-15"))
    # As of 2025-01-15: Kenya 200 + 200 + 217, Guatemala 150, Jamaica 24, Bahamas 6, Belize 2... read by the brief.
    later = tile_text(page)
    assert "991 / 2,500" not in later
    assert "260 days left" in later  # 2025-10-02 - 2025-01-15


def test_a_force_officer_records_a_deployment_and_the_strength_changes(page: Page, demo: Mission) -> None:
    user, password = make_user("force", demo)
    log_in(page, user.username, password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    chart_before = page.locator("figure").first.inner_text()
    page.goto("/m/MSS/records/deployments/new/")
    page.locator("#id_contributor").select_option(label="Jamaica (JAM)")
    page.locator("#id_unit").fill("Jamaica Defence Force: second contingent")
    page.locator("#id_category").select_option("military")
    page.locator("#id_change").select_option("arrival")
    page.locator("#id_count").fill("1,009")
    page.locator("#id_date").fill("2025-09-20")
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.locator("main")).not_to_contain_text("This field is required")
    assert Deployment.objects.filter(count=1009, contributor__code="JAM").exists()
    page.goto("/m/MSS/?as_of=2025-09-23")
    expect(page.locator(TILES)).to_contain_text("2,000 / 2,500")  # 991 + 1,009
    assert page.locator("figure").first.inner_text() != chart_before


def test_a_liaison_keeps_its_own_country_only(page: Page, demo: Mission) -> None:
    user, password = make_user("liaison", demo, country="JAM")
    log_in(page, user.username, password)
    own = Deployment.objects.filter(mission=demo, contributor__code="JAM").order_by("pk").first()
    other = Deployment.objects.filter(mission=demo, contributor__code="KEN").order_by("pk").first()
    page.goto("/m/MSS/records/deployments/")
    rows = page.locator("main table tbody")
    expect(rows).to_contain_text("JAM")
    expect(rows).not_to_contain_text("KEN")
    assert serious_violations(page) == []
    page.goto(f"/m/MSS/records/deployments/{own.pk}/edit/")
    assert serious_violations(page) == []
    page.locator("#id_unit").fill("Jamaica: first contingent, renamed by its liaison")
    page.get_by_role("button", name=re.compile("Save")).click()
    own.refresh_from_db()
    assert own.unit == "Jamaica: first contingent, renamed by its liaison"
    before = (other.unit, other.count, other.history.count())
    response = page.goto(f"/m/MSS/records/deployments/{other.pk}/edit/")
    assert response.status == 404
    other.refresh_from_db()
    assert (other.unit, other.count, other.history.count()) == before


def test_an_import_with_a_bad_row_shows_it_and_writes_nothing(page: Page, demo: Mission, tmp_path: Path) -> None:
    user, password = make_user("force", demo)
    log_in(page, user.username, password)
    bad = tmp_path / "deployments.csv"
    bad.write_text(
        "contributor,unit,category,change,count,date\n"
        "KEN,Kenya: third contingent,police,arrival,100,2025-09-01\n"
        "KEN,Kenya: fourth contingent,police,arrival,-5,2025-09-02\n",
        encoding="utf-8",
    )
    count = Deployment.objects.count()
    page.goto("/m/MSS/records/import/")
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name=re.compile("Check|Upload|Preview")).click()
    problems = page.locator("main")
    expect(problems).to_contain_text("deployments.csv")
    expect(problems).to_contain_text("count")
    expect(problems).to_contain_text("Nothing has been written")
    expect(page.get_by_role("button", name="Confirm")).to_have_count(0)
    assert Deployment.objects.count() == count


def test_a_record_is_restored_from_its_history(page: Page, demo: Mission) -> None:
    user, password = make_user("force", demo)
    log_in(page, user.username, password)
    deployment = Deployment.objects.filter(mission=demo, contributor__code="BHS").order_by("pk").first()
    first_unit = deployment.unit
    page.goto(f"/m/MSS/records/deployments/{deployment.pk}/edit/")
    page.locator("#id_unit").fill("Royal Bahamas Defence Force: renamed by mistake")
    page.get_by_role("button", name=re.compile("Save")).click()
    page.goto(f"/m/MSS/records/deployments/{deployment.pk}/history/")
    expect(page.locator("main")).to_contain_text("renamed by mistake")
    page.get_by_role("link", name=re.compile("Restore")).last.click()
    page.get_by_role("button", name=re.compile("Restore")).click()
    deployment.refresh_from_db()
    assert deployment.unit == first_unit
    assert deployment.history.count() == 3  # import, the edit, the restore


def test_the_french_interface_shows_french_labels_and_numbers(page: Page, demo: Mission) -> None:
    user, password = make_user("observer", demo, language="fr")
    page.goto("/accounts/login/")
    log_in(page, user.username, password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    tiles = tile_text(page)
    assert "991 / 2\u202f500" in tiles
    assert "39,6" in tiles
    assert "jours restants" in tiles
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    screenshot(page, "dashboard-french")


def test_the_login_page_and_a_form_pass_axe(page: Page, demo: Mission) -> None:
    page.goto("/accounts/login/")
    assert serious_violations(page) == []
    user, password = make_user("finance", demo)
    log_in(page, user.username, password)
    page.goto("/m/MSS/records/flows/new/")
    assert serious_violations(page) == []
    page.goto("/m/MSS/records/flows/")
    assert serious_violations(page) == []


def test_a_background_import_shows_its_progress_then_its_outcome(page: Page, demo: Mission, tmp_path, settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user, password = make_user("force", demo)
    log_in(page, user.username, password)
    good = tmp_path / "deployments.csv"
    good.write_text(
        "contributor,unit,category,change,count,date\n"
        "KEN,Kenya: third contingent,police,arrival,100,2025-09-01\n"
        "KEN,Kenya: fourth contingent,police,arrival,50,2025-09-02\n",
        encoding="utf-8",
    )
    count = Deployment.objects.count()
    page.goto("/m/MSS/records/import/")
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name=re.compile("Check|Upload|Preview")).click()
    expect(page.locator(".import-progress")).to_contain_text("Waiting for the import worker to start.")
    assert serious_violations(page) == []
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    # The page polls its progress (htmx, no inline script) and reloads once the check is over.
    expect(page.get_by_role("heading", name="Check the import")).to_be_visible(timeout=10_000)
    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_role("heading", name="Importing")).to_be_visible()
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    expect(page.locator("main")).to_contain_text("2 created, 0 updated, 0 unchanged", timeout=10_000)
    assert Deployment.objects.count() == count + 2


def test_the_map_shows_incident_markers_and_the_equipment_table(page: Page, demo: Mission) -> None:
    user, password = make_user("observer", demo)
    log_in(page, user.username, password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    # The five incidents of 2025-08-25 .. 2025-09-23 in the demo, each a marker on the map's incident layer.
    expect(page.locator("#site-map path.incident-marker")).to_have_count(5)
    page.locator("#site-map path.incident-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Fatalities")
    expect(popup).to_contain_text("Source")
    table = page.locator("#equipment-table")
    expect(table).to_contain_text("Armoured vehicle")
    expect(table.locator("tr.equipment-kind").first).to_contain_text("41.7")
    expect(table).to_contain_text("United States Department of Defense")
