"""In a real browser: a liaison's arrival waits for review, and moves the strength once a force officer confirms it."""

import re

import pytest
from playwright.sync_api import Page, expect

from msaada.forces.models import Deployment
from msaada.missions.models import Mission
from tests.e2e.conftest import log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_liaisons_arrival_waits_until_a_force_officer_confirms_it(page: Page, demo: Mission) -> None:
    liaison, liaison_password = make_user("liaison", demo, country="JAM")
    officer, officer_password = make_user("force", demo)
    log_in(page, liaison.username, liaison_password)
    page.goto("/m/MSS/records/deployments/new/")
    page.locator("#id_unit").fill("Jamaica Defence Force: second contingent")
    page.locator("#id_category").select_option("military")
    page.locator("#id_change").select_option("arrival")
    page.locator("#id_count").fill("1,009")
    page.locator("#id_date").fill("2025-09-20")
    page.locator("input[name=sources]").first.check()
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.locator(".review-state")).to_contain_text("waiting for an officer")
    assert Deployment.objects.get(count=1009).review_state == "reported"
    page.goto("/m/MSS/?as_of=2025-09-23")
    expect(page.locator(".tiles")).to_contain_text("991 / 2,500")  # the reported 1,009 is not counted yet
    expect(page.locator(".waiting")).to_contain_text("1 deployment reported")
    page.get_by_role("button", name="Log out").click()

    log_in(page, officer.username, officer_password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    page.get_by_role("link", name="Review (1)").click()
    page.get_by_label("Note").fill("Checked against the arrival manifest")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".messages")).to_contain_text("confirmed")
    page.goto("/m/MSS/?as_of=2025-09-23")
    expect(page.locator(".tiles")).to_contain_text("2,000 / 2,500")  # 991 + 1,009
    expect(page.locator(".waiting")).to_have_count(0)
