"""A liaison reads the plans in a browser: scenarios side by side, a plan's charts and their numbers, in French."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in, make_user
from tests.plans.files import gsf_files
from tests.plans.load import load

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tst(transactional_db):
    return load(gsf_files(), "TST")


def test_a_liaison_reads_a_plan_with_its_charts_and_numbers(page: Page, tst):
    user, password = make_user("liaison", tst, country="KEN")
    log_in(page, user.get_username(), password)
    page.goto("/m/TST/")
    page.get_by_role("link", name="Plans").click()
    compared = page.locator("#plans-compared")
    expect(compared).to_contain_text("$409,300.00")
    page.get_by_role("link", name="build-up").click()
    for name in ("strength", "money", "channels", "capacity-1"):
        expect(page.locator(f'svg[aria-labelledby="{name}-caption"]')).to_be_visible()
        expect(page.locator(f"#{name}-numbers tbody tr")).to_have_count(3)
    expect(page.locator("#runs-out-on")).to_have_text("17 Jan 2026")
    expect(page.locator("#contracts-table")).to_contain_text("too late")


def test_the_plan_in_french(page: Page, tst):
    user, password = make_user("observer", tst, language="fr")
    log_in(page, user.get_username(), password)
    page.goto("/m/TST/plans/build-up/")
    expect(page.get_by_role("heading", name="Montée en puissance")).to_be_visible()
    expect(page.locator("#runs-out-on")).to_have_text("17 janv. 2026")
    expect(page.locator("#money-numbers")).to_contain_text("janv. 2026")
