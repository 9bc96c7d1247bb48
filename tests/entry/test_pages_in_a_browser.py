"""The data-entry pages in Chromium: axe-core finds no serious problem, and a phone never scrolls sideways."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page

from tests.browser import serious_violations, watch_csp

pytestmark = pytest.mark.browser

# The elements that stick out to the right of the window, outside a scrolling table.
WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth && !e.closest('.table-wrap'))
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


def signed_in(browser: Browser, live_server, user, width: int) -> Page:
    """Open a page in a browser carrying the session of a user logged in through the test client."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return watch_csp(context.new_page())


@pytest.mark.parametrize("width", [1280, 375])
def test_list_form_detail_and_history_pass_axe_and_fit_a_phone(world, user_of, live_server, browser, width):
    page = signed_in(browser, live_server, user_of("force"), width)
    pk = world.deployment.pk
    urls = [
        reverse("record_index", args=["MSS"]),
        reverse("record_list", args=["MSS", "deployments"]) + "?sort=-count",
        reverse("record_new", args=["MSS", "deployments"]),
        reverse("record_detail", args=["MSS", "deployments", pk]),
        reverse("record_history", args=["MSS", "deployments", pk]),
    ]
    for url in urls:
        page.goto(url)
        assert serious_violations(page) == [], url
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (url, page.evaluate(WIDEST))
    page.context.close()


def test_a_form_with_errors_passes_axe_and_points_each_input_to_its_message(world, user_of, live_server, browser):
    page = signed_in(browser, live_server, user_of("force"), 1280)
    page.goto(reverse("record_new", args=["MSS", "deployments"]))
    page.get_by_label("Contributor").select_option(str(world.ken.pk))
    page.get_by_label("Unit").fill("Rotation home")
    page.get_by_label("Category").select_option("police")
    page.get_by_label("Change").select_option("departure")
    page.get_by_label("Personnel").fill("250")
    page.get_by_label("Date").fill("2024-07-01")
    page.get_by_role("button", name="Save").click()
    count = page.get_by_label("Personnel")
    assert count.get_attribute("aria-invalid") == "true"
    message = page.locator(f"#{count.get_attribute('aria-describedby')}")
    assert message.inner_text() == "makes KEN's strength -50 on 2024-07-01"
    assert serious_violations(page) == []
    page.context.close()
