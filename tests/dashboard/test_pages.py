"""Who reaches the dashboard and its charts, the as-of date in the URL, and the page when figures fail."""

from datetime import date

import pytest
from django.urls import reverse

from tests import factories as s
from tests.clock import today_is

pytestmark = pytest.mark.django_db


@pytest.fixture
def alpha():
    alpha = s.mission("alpha")
    s.mandate(alpha, "2025-01-01", "2025-12-31", 1000)
    s.deploy(alpha, "KEN", 300, "2025-01-10")
    s.pledge(alpha, "KEN", 500, "2025-01-05")
    s.flow(alpha, "paid", "9000", "2025-01-15")
    s.spend(alpha, "900", "2025-02-01")
    s.contract(alpha, "Fuel", "2025-01-01", "2025-06-30")
    airport = s.site(alpha, "Airport")
    s.status(airport, "2025-01-20", "secured")
    return alpha


def page(client, mission, query: str = "") -> str:
    return client.get(reverse("dashboard", args=[mission.code]) + query).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, alpha):
    url = reverse("dashboard", args=["alpha"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"
    assert client.get(reverse("dashboard-chart", args=["alpha", "strength"])).status_code == 302


@pytest.mark.parametrize("role", ["force", "observer"])
def test_a_mission_outside_ones_scope_answers_as_if_it_did_not_exist(client, alpha, role):
    bravo = s.mission("bravo")
    client.force_login(s.person(role, bravo))
    for url in (
        reverse("dashboard", args=["alpha"]),
        reverse("dashboard-chart", args=["alpha", "strength"]),
        reverse("dashboard", args=["nowhere"]),
    ):
        assert client.get(url).status_code == 404
    assert client.get(reverse("dashboard", args=["bravo"])).status_code == 200


@pytest.mark.parametrize("role", ["observer", "donor", "liaison", "finance"])
def test_every_role_sees_its_missions_aggregates(client, alpha, role):
    client.force_login(
        s.person(
            role,
            alpha,
            country="JAM" if role == "liaison" else "",
            organization=s.organization("other") if role == "donor" else None,
        )
    )
    html = page(client, alpha, "?as_of=2025-03-01")
    # A Jamaican liaison and another organization's donor still see the mission's totals.
    assert "300 / 1,000" in html
    assert "$8,100.00" in html  # cash: 9,000 paid - 900 spent


@today_is("2025-03-01")
def test_the_as_of_date_is_kept_in_the_url_and_offers_the_dates_that_matter(client, alpha):
    client.force_login(s.person("force", alpha))
    html = page(client, alpha, "?as_of=2025-01-09")
    assert 'value="2025-01-09"' in html
    assert "0 / 1,000" in html  # the Kenyans land on the 10th
    assert 'href="?as_of=2025-12-31"' in html  # the mandate's end
    assert 'href="?as_of=2025-01-01"' in html  # its start
    assert 'href="?as_of=2025-03-01"' in html  # today
    assert "300 / 1,000" in page(client, alpha, "?as_of=2025-01-10")


@today_is("2025-03-01")
def test_without_a_date_the_field_shows_today(client, alpha):
    client.force_login(s.person("force", alpha))
    html = page(client, alpha)
    assert 'value="2025-03-01"' in html
    assert "300 / 1,000" in html  # the brief is today's: the Kenyans landed on 10 Jan


@pytest.mark.parametrize("typed", ["2025-13-45", "yesterday", "1899-12-31"])
@today_is("2025-03-01")
def test_a_bad_date_is_explained_next_to_the_field_and_today_is_shown(client, alpha, typed):
    client.force_login(s.person("force", alpha))
    response = client.get(reverse("dashboard", args=["alpha"]), {"as_of": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="as-of-note" class="errorlist" role="alert"' in html
    assert "Showing 1 Mar 2025 (today) instead." in html
    assert 'aria-describedby="as-of-note"' in html


def test_a_missing_exchange_rate_is_shown_as_such(client, alpha):
    s.flow(alpha, "pledge", "100", "2025-02-10", currency="GBP")
    client.force_login(s.person("finance", alpha))
    response = client.get(reverse("dashboard", args=["alpha"]), {"as_of": "2025-03-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "No exchange rate for GBP on or before 2025-02-10." in html
    assert "tiles" not in html
    chart = client.get(reverse("dashboard-chart", args=["alpha", "funding"]), {"as_of": "2025-03-01"})
    assert (chart.status_code, chart.content.decode()) == (409, "no exchange rate for GBP on or before 2025-02-10")


def test_a_chart_is_served_alone_as_svg_for_its_date(client, alpha):
    client.force_login(s.person("observer", alpha))
    url = reverse("dashboard-chart", args=["alpha", "strength"])
    response = client.get(url, {"as_of": "2025-02-15"})
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    svg = response.content.decode()
    assert svg.startswith("<?xml") and "<title>Personnel deployed at the end of each month" in svg
    assert client.get(reverse("dashboard-chart", args=["alpha", "rainfall"])).status_code == 404
    empty = s.mission("bravo")
    client.force_login(s.person("observer", empty))
    assert client.get(reverse("dashboard-chart", args=["bravo", "coverage"])).status_code == 404


def test_the_map_loads_only_with_tiles_and_the_sites_table_is_always_there(client, alpha, settings):
    client.force_login(s.person("operations", alpha))
    without = page(client, alpha, "?as_of=2025-03-01")
    assert "leaflet" not in without and 'id="site-map"' not in without
    assert 'data-latitude="18.580000" data-longitude="-72.290000" data-status="secured"' in without
    settings.MSAADA_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    with_tiles = page(client, alpha, "?as_of=2025-03-01")
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in with_tiles
    for asset in ("vendor/leaflet/leaflet.css", "vendor/leaflet/leaflet.js", "dashboard/site-map.js"):
        assert asset in with_tiles
    assert "<script>" not in with_tiles  # no inline script: the map's code is a file of its own


def test_the_site_table_shows_each_status_as_of_the_date(client, alpha):
    client.force_login(s.person("operations", alpha))
    before = page(client, alpha, "?as_of=2025-01-19")
    after = page(client, alpha, "?as_of=2025-01-20")
    assert '<span class="status status-unknown">unknown</span>' in before
    # The status links, for the support office, to the site's statuses up to the date.
    assert '<span class="status status-secured">secured</span></a></td><td>20 Jan 2025</td>' in after


def test_no_mandate_and_no_records_still_make_a_page(client):
    empty = s.mission("empty")
    client.force_login(s.person("observer", empty))
    html = page(client, empty, "?as_of=2025-03-01")
    assert "No mandate started on or before this date." in html
    assert "No mandate, pledge or deployment yet." in html
    assert "No service line has a contract." in html
    assert "No sites on record." in html
    assert date(2025, 3, 1).isoformat() in html


def test_names_typed_by_people_are_text_in_the_charts_not_markup(client, alpha):
    s.contract(alpha, "<script>alert(1)</script>", "2025-01-01", "2025-03-31")
    client.force_login(s.person("logistics", alpha))
    html = page(client, alpha, "?as_of=2025-03-01")
    assert "<script>alert(1)" not in html
    chart = html.split('<svg role="img" aria-labelledby="coverage-caption"')[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart


@pytest.mark.parametrize("as_of", ["1900-01-01", "2999-12-31"])
def test_the_edges_of_the_calendar_make_a_page(client, alpha, as_of):
    client.force_login(s.person("observer", alpha))
    response = client.get(reverse("dashboard", args=["alpha"]), {"as_of": as_of})
    assert response.status_code == 200
    assert 'class="errorlist"' not in response.content.decode()
