"""On a phone the dashboard's headline figures come before the risk cards."""

from playwright.sync_api import Page

from msaada.missions.models import Mission
from tests.browser import screenshot
from tests.e2e.conftest import log_in, make_user


def test_on_a_phone_the_headline_tiles_are_above_the_risks(page: Page, demo: Mission) -> None:
    user, password = make_user("observer", demo)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, user.username, password)
    page.goto("/m/MSS/?as_of=2025-09-23")
    tiles = page.locator("ul.tiles").bounding_box()
    first_tile = page.locator("ul.tiles > li").first.bounding_box()
    risks = page.locator("#risks-heading").bounding_box()
    first_risk = page.locator("ol.risks > li").first.bounding_box()
    assert tiles and first_tile and risks and first_risk
    # One tile to a row on a phone, and the last tile ends above the risks' heading.
    assert first_tile["width"] > 300
    assert tiles["y"] + tiles["height"] <= risks["y"] < first_risk["y"]
    screenshot(page, "dashboard-phone-390")
