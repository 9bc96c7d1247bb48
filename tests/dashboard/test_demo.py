"""The Haiti demo's dashboard, checked against figures worked out by hand from msaada/demo/haiti/mss/*.csv."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from msaada.dashboard.series import coverage_runs, funding_series, strength_series
from msaada.dashboard.templatetags.dashboard import count, day, money
from msaada.readiness.brief import build_brief
from tests import factories as s
from tests.dashboard.reading import table

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SERVICE_LINES = ("Accommodation", "Base security", "Internet and IT", "Life support area (LSA 2)")


def dashboard(client, demo, as_of: str, language: str = "en") -> str:
    client.force_login(s.person("observer", demo, language=language))
    response = client.get(reverse("dashboard", args=["MSS"]), {"as_of": as_of})
    assert response.status_code == 200
    return response.content.decode()


def test_as_of_23_september_2025(client, demo):
    html = dashboard(client, demo, "2025-09-23")
    for shown in (
        "991 / 2,500",
        "39.6% of the authorized strength",
        "1,628 pledged",
        "9 days left",
        "Ends on 2 Oct 2025 (UNSC resolution 2751 (2024)).",
        "7 days",
        "Cash lasts to 30 Sep 2025.",
        'Gap to the mandate\'s end: <strong class="nowrap">$700,000.00',
        '<p class="tile-value">4 / 4</p>',
    ):
        assert shown in html
    assert table(html, "site-table")[1:] == [
        ["Haitian National Police headquarters", "police", "secured", "23 Sep 2025"],
        ["LSA 2 base (near the airport)", "base", "unknown", "–"],
        ["National Palace", "palace", "secured", "23 Sep 2025"],
        ["National Police Academy", "police", "secured", "23 Sep 2025"],
        ["Port-au-Prince courts", "court", "reopened", "7 Oct 2024"],
        ["Port-au-Prince schools", "school", "reopened", "1 Oct 2024"],
        ["State University Hospital (HUEH)", "hospital", "secured", "7 Jul 2024"],
        ["Toussaint Louverture International Airport", "airport", "contested", "11 Nov 2024"],
    ]


def test_the_risk_register_shows_each_risk_with_its_evidence(client, demo):
    html = dashboard(client, demo, "2025-09-23")
    register = html[html.index('<ol class="risks">') : html.index("</ol>", html.index('<ol class="risks">'))]
    assert register.count('<li class="risk risk-high">') == 7  # runway, mandate, four service lines, strength
    assert register.count('<li class="risk risk-medium">') == 3  # BHS, BLZ, JAM pledges
    assert register.count('<li class="risk risk-low">') == 1  # KEN: 732 of 1,000
    assert '<span class="badge sev-high">high</span>' in register
    assert "<dt>runway_days</dt><dd>7</dd>" in register
    assert "<dt>cash</dt><dd>3200000.00</dd>" in register
    assert '<span class="risk-code">SERVICE_GAP</span> · <span>Base security</span>' in register


def test_sources_are_numbered_and_the_illustrative_one_says_so(client, demo):
    html = dashboard(client, demo, "2025-09-23")
    sources = build_brief(demo, date(2025, 9, 23)).sources
    listed = html[html.index('<ol class="sources">') :]
    assert listed.count('<li id="source-') == len(sources) > 20
    assert html.count("illustrative: not from a source") == 1
    assert '<li id="source-illustrative-msaada-demo">' in listed


def test_as_of_15_january_2025(client, demo):
    html = dashboard(client, demo, "2025-01-15")
    # Deployed by then: KEN 200 + 200, JAM 20 + 4, BLZ 2, BHS 6, GTM 75 + 75, SLV 8 = 590; 590 / 2,500 = 23.6 %.
    # Days left: 15 Jan to 2 Oct 2025 = 260. Cash: paid 385,000,000 - spent 317,500,000 = 67,500,000;
    # burn: 2,800,000 + 3,000,000 + 3,100,000 over 18 Oct - 15 Jan = 8,900,000 / 90 a day;
    # runway floor(67,500,000 * 90 / 8,900,000) = 682 days, to 28 Nov 2026; the gap is 0.
    for shown in (
        "590 / 2,500",
        "23.6% of the authorized strength",
        "1,628 pledged",
        "260 days left",
        "682 days",
        "Cash lasts to 28 Nov 2026.",
        '<strong class="nowrap">$0.00</strong>',
        '<p class="tile-value">4 / 4</p>',
    ):
        assert shown in html
    assert table(html, "funding-numbers")[-1] == [
        "15 Jan 2025",
        "$410,300,000.00",
        "$169,000,000.00",
        "$385,000,000.00",
        "$317,500,000.00",
    ]
    assert "MANDATE_EXPIRY" not in html and "FUNDING_RUNWAY" not in html
    assert '<li class="tile tile-medium">\n    <h3>Life support at risk' in html  # 258 days of cover left: medium
    assert "Risk: high" in html  # the strength gap


def test_in_french_numbers_dates_and_money_are_written_the_french_way(client, demo):
    html = dashboard(client, demo, "2025-09-23", language="fr")
    assert '<html lang="fr">' in html
    assert "991 / 2\u202f500" in html  # a narrow no-break space groups the thousands
    assert "39,6\u00a0%" in html
    assert "700\u202f000,00\u00a0$US" in html
    tiles = html[html.index('<ul class="tiles">') : html.index("</ul>", html.index('<ul class="tiles">'))]
    assert "2 oct. 2025 (UNSC resolution 2751 (2024))" in tiles  # the mandate's end, as French writes dates
    strength = table(html, "strength-table")
    # Beside Kenya's 732 and the total of 991, what the other sources of the demo's claims give (in French).
    kenya = next(row for row in strength if row[0] == "Kenya (KEN)")
    assert kenya[2] == "1\u202f000"
    assert (
        kenya[1] == "732 D’autres sources donnent : 932 selon alterpresse-2024-06-25; 756 selon kahawatungu-2025-02-168"
    )
    assert ["Jamaïque (JAM)", "23", "200"] in strength
    assert strength[-1][0::2] == ["Total", "1\u202f628"]
    assert strength[-1][1].startswith("991 D’autres sources donnent : 1\u202f191 selon alterpresse-2024-06-25")


def test_the_chart_tables_hold_the_numbers_of_the_series(client, demo):
    html = dashboard(client, demo, "2025-09-23")
    as_of = date(2025, 9, 23)
    strength = strength_series(demo, as_of)
    assert strength.contributors == ("KEN", "GTM", "SLV", "JAM", "BHS", "BLZ")
    rows = table(html, "strength-numbers")
    assert rows[0] == ["Date", *strength.contributors, "Deployed", "Authorized", "Pledged"]
    assert rows[1:] == [
        [day(point.day), *map(count, point.deployed), count(point.total), count(point.authorized), count(point.pledged)]
        for point in strength.points
    ]
    assert rows[1] == ["31 Oct 2023", "0", "0", "0", "0", "0", "0", "0", "2,500", "0"]
    assert rows[-1] == ["23 Sep 2025", "732", "150", "78", "23", "6", "2", "991", "2,500", "1,628"]
    funding = funding_series(demo, as_of)
    assert table(html, "funding-numbers")[1:] == [
        [
            day(point.day),
            *(money(amount, "USD") for amount in (point.pledged, point.committed, point.paid, point.spent)),
        ]
        for point in funding.points
    ]
    assert table(html, "funding-numbers")[-1] == [
        "23 Sep 2025",
        "$413,000,000.00",
        "$169,000,000.00",
        "$413,000,000.00",
        "$409,800,000.00",
    ]
    assert (
        table(html, "coverage-numbers")[1:]
        == [[line.service_line, day(run.start), day(run.end)] for line in coverage_runs(demo) for run in line.runs]
        == [[name, "21 May 2024", "30 Sep 2025"] for name in SERVICE_LINES]
    )


def test_the_charts_are_in_the_page_with_captions(client, demo):
    html = dashboard(client, demo, "2025-09-23")
    for name in ("strength", "funding", "coverage"):
        assert f'<figure class="chart" aria-labelledby="{name}-caption">' in html
        assert f'<svg role="img" aria-labelledby="{name}-caption"' in html
        assert f'href="/m/MSS/charts/{name}.svg?as_of=2025-09-23" download' in html
    with translation.override("en"):
        assert html.count("<h1>") == 1
