"""Each linked figure of the demo dashboard leads to a list of exactly its records, whose total is the figure."""

import html as markup
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests import factories as s

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

LINK = re.compile(r'<a class="figure-link" href="([^"]+)" title="[^"]*">(.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    return " ".join(markup.unescape(TAG.sub("", fragment)).split())


def amount(text: str) -> Decimal:
    """Read `USD 1,234.56` or `1,234` as a number."""
    return Decimal(re.sub(r"[^0-9.\-]", "", text))


def followed(client, page: str) -> list[tuple[str, str, str]]:
    """Return each figure link of the page: the figure's text, its address and the list page it leads to."""
    found = []
    for href, text in LINK.findall(page):
        address = markup.unescape(href)
        response = client.get(address)
        assert response.status_code == 200, address
        found.append((plain(text), address, response.content.decode()))
    return found


def listed_total(page: str) -> Decimal:
    if "0 records" in page:
        return Decimal(0)
    money = re.search(r"Total of the records listed: <strong[^>]*>(.*?)</strong>", page, re.S)
    people = re.search(r'<p class="totals">[^<]*: <strong[^>]*>(.*?)</strong>', page, re.S)
    return amount(plain((money or people).group(1)))


@pytest.mark.parametrize("day", ["2024-10-15", "2025-03-01", "2025-09-23"])
def test_every_linked_money_and_strength_figure_is_the_total_of_its_list(client, demo, day):
    client.force_login(s.person("finance", demo))
    page = client.get(reverse("dashboard", args=["MSS"]), {"as_of": day}).content.decode()
    links = followed(client, page)
    kinds = {address.split("/records/")[1].split("/")[0] for _text, address, _page in links}
    assert {"deployments", "pledges", "flows", "expenditures", "contracts", "site-statuses"} <= kinds
    checked = 0
    for text, address, listed in links:
        if "/deployments/" in address or "/pledges/" in address or "/flows/" in address:
            assert listed_total(listed) == amount(text), address
            checked += 1
        elif "/expenditures/" in address and "date_from" in address:
            # The daily burn is the window's spending over its 90 days, rounded to the cent.
            burn = (listed_total(listed) / 90).quantize(Decimal("0.01"))
            assert burn == amount(text), address
            checked += 1
        elif "/expenditures/" in address:
            assert listed_total(listed) == amount(text), address
            checked += 1
    assert checked >= 7  # deployed, pledged, the three stages, spent and the burn


def test_a_liaison_or_an_observer_sees_the_figures_without_links_to_lists_that_would_not_add_up(client, demo):
    for role in ("observer", "liaison"):
        client.force_login(s.person(role, demo, country="KEN"))
        page = client.get(reverse("dashboard", args=["MSS"]), {"as_of": "2025-09-23"}).content.decode()
        assert 'class="figure-link"' not in page, role


def test_counted_on_leaves_out_records_the_brief_does_not_count(client):
    mss = s.mission()
    s.deploy(mss, "KEN", 200, "2024-06-25")
    s.deploy(mss, "KEN", 50, "2024-07-01", change="departure")
    s.deploy(mss, "KEN", 75, "2024-08-01")  # after the date
    archived = s.deploy(mss, "KEN", 30, "2024-06-30")
    archived.archive()
    archived.save()
    s.pledge(mss, "KEN", 1000, "2024-01-01")
    s.pledge(mss, "KEN", 400, "2024-05-01", status="withdrawn")  # the latest: counts zero
    s.pledge(mss, "JAM", 20, "2024-02-01")
    client.force_login(s.person("force", mss))
    deployments = client.get(reverse("record_list", args=[mss.code, "deployments"]), {"counted_on": "2024-07-15"})
    # 200 arrived, 50 left; the August arrival is after the date and the archived one is not counted.
    assert listed_total(deployments.content.decode()) == 150
    pledges = client.get(reverse("record_list", args=[mss.code, "pledges"]), {"counted_on": "2024-07-15"})
    # The latest pledge of each pair: Kenya's withdrawn 400 (0) and Jamaica's 20.
    assert listed_total(pledges.content.decode()) == 20
    assert "2 records" in pledges.content.decode()
