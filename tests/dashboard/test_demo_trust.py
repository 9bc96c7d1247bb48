"""The Haiti demo: every source is cited, and each figure resting on an illustrative input says so everywhere."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Exists, OuterRef
from django.urls import reverse

import msaada
from msaada.readiness.brief import brief_json, build_brief
from msaada.readiness.presenters import brief_markdown, brief_text
from msaada.sources.models import Citation, Source
from tests import factories as s
from tests.dashboard.reading import table

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HAITI = Path(msaada.__file__).parent / "demo" / "haiti"
D = date(2025, 9, 23)
# As of 23 Sep 2025: the trust fund's spending and the CAD rates are illustrative (NOTES.md), so pledged (Canada's
# C$ pledges), spent, cash, the burn, the runway and the gap rest on them; paid and committed are in USD, sourced.
MARKED = {"Pledged", "Spent", "Cash", "Daily burn (last 90 days)", "Gap to the mandate's end"}


def test_every_source_of_the_demo_is_cited_by_a_record_or_a_claim():
    call_command("import", str(HAITI / "mss"), "--mission", "MSS", stdout=StringIO())
    call_command("import", str(HAITI / "gsf"), "--mission", "GSF", stdout=StringIO())
    uncited = Source.objects.filter(~Exists(Citation.objects.filter(source=OuterRef("pk"))))
    assert list(uncited.values_list("key", flat=True)) == []


def test_each_figure_resting_on_an_illustrative_input_is_marked_in_json_text_markdown_and_on_the_page(client, demo):
    brief = build_brief(demo, D)
    money = [path for path in brief_json(brief)["illustrative"] if path.startswith(("funding.", "risks.FUNDING"))]
    assert money == [
        "funding.cash",
        "funding.daily_burn",
        "funding.gap_to_mandate_end",
        "funding.pledged",
        "funding.runway_days",
        "funding.runway_end",
        "funding.spent",
        "risks.FUNDING_RUNWAY",
    ]
    text, markdown = brief_text(brief, width=200), brief_markdown(brief)
    assert "Runway: 7 days, to 30 Sep 2025 (illustrative)." in text
    assert "Runway: 7 days, to 30 Sep 2025 (illustrative)." in markdown
    for name, amount in (("Spent", "409,800,000.00"), ("Cash", "3,200,000.00"), ("Paid", "413,000,000.00")):
        mark = " (illustrative)" if name in MARKED else ""
        assert f"| {name} | USD {amount}{mark} |" in markdown
        assert any(line.split() == [name, "USD", amount, *mark.split()] for line in text.splitlines())
    assert "before the mandate ends on 2 Oct 2025 (illustrative)" in markdown  # the FUNDING_RUNWAY risk

    client.force_login(s.person("observer", demo))
    html = client.get(reverse("dashboard", args=["MSS"]), {"as_of": "2025-09-23"}).content.decode()
    rows = {row[0]: row[1] for row in table(html, "funding-table")[1:]}
    assert {name for name, cell in rows.items() if "(illustrative)" in cell} == MARKED
    tiles = html[html.index('<ul class="tiles">') : html.index("</ul>", html.index('<ul class="tiles">'))]
    runway = tiles[tiles.index("Funding runway") :]
    assert runway.index("7 days") < runway.index("illustrative-mark") < runway.index("Life support at risk")


def test_the_page_shows_each_source_with_its_clickable_address(client, demo):
    client.force_login(s.person("observer", demo))
    html = client.get(reverse("dashboard", args=["MSS"]), {"as_of": "2025-09-23"}).content.decode()
    assert (
        '<a href="https://guardian.ng/news/world/africa/kenya-deploys-additional-144-police-to-haiti" '
        'rel="noreferrer noopener" class="source-url">'
    ) in html
    # The claim's source is listed, and the alternative beside the figure links to it.
    assert '<li id="source-alterpresse-2024-06-25">' in html
    assert '<a href="#source-alterpresse-2024-06-25">alterpresse-2024-06-25</a>' in html


def test_the_demo_equipment_and_incidents_rest_on_illustrative_records_and_say_so(client, demo):
    # The working counts of the vehicles and helicopters and all but one incident are illustrative (NOTES.md).
    brief = build_brief(demo, D)
    marked = brief_json(brief)["illustrative"]
    for kind in ("Armoured vehicle", "Helicopter"):
        assert f"equipment.{kind}.operational_pct" in marked and f"risks.EQUIPMENT_SHORT.{kind}" in marked
    assert {"incidents.count", "risks.SITE_THREATENED.National Palace"} <= set(marked)
    assert "life_support.Accommodation.capacity" not in marked  # bedding for 1,300 is sourced

    client.force_login(s.person("observer", demo))
    html = client.get(reverse("dashboard", args=["MSS"]), {"as_of": "2025-09-23"}).content.decode()
    kinds = [row for row in table(html, "equipment-table")[1:] if row[1] == "all owners"]
    assert [(row[0], row[4]) for row in kinds] == [
        ("Armoured vehicle", "41.7% (illustrative)"),
        ("Helicopter", "66.7% (illustrative)"),
    ]
    sites = {row[0]: row[4] for row in table(html, "site-table")[1:]}
    assert sites["National Palace"] == "3 (illustrative)"
