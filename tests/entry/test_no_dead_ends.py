"""No dead ends: every link a role is shown, from the home page through the dashboard and the record pages, opens.

The crawl follows each link of the pages it opens, once per kind of page (a URL name, the kind of record
and the names of its query parameters: one sorted list stands for every sort), so a link to a page the
role cannot use (answering 404 or 403) fails the test wherever it is shown.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.entry.conftest import ROLES

STARTS = ("/", "/accounts/")
# Pages that are not HTML of ours: opened (their answer checked) but not read for links.
OPENED_ONLY = ("/admin/", "/static/")


class Links(HTMLParser):
    """The href of every <a> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("#", "mailto:")):
            self.hrefs.append(href)


def page_kind(url: str) -> tuple[object, ...]:
    """Return what makes two links the same kind of page: URL name, kind of record, query parameter names."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return (parts.path,)
    names = frozenset(name for name, _value in parse_qsl(parts.query, keep_blank_values=True))
    return (match.url_name, match.kwargs.get("kind"), match.kwargs.get("name"), names)


def crawl(client: Client, starts: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    """Open the start pages and every link they lead to, once per kind of page; return status and referrer by URL."""
    answers: dict[str, tuple[int, str]] = {}
    seen = set()
    queue = deque((url, "(start)") for url in starts)
    while queue:
        url, referrer = queue.popleft()
        kind = page_kind(url)
        if kind in seen:
            continue
        seen.add(kind)
        response = client.get(url)
        answers[url] = (response.status_code, referrer)
        if response.status_code in (301, 302):
            queue.append((urljoin(url, response["Location"]), url))
            continue
        if response.status_code != 200 or url.startswith(OPENED_ONLY):
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        parser = Links()
        parser.feed(response.content.decode())
        for href in parser.hrefs:
            target = urljoin(url, href)
            if urlsplit(target).netloc in ("", "testserver"):
                queue.append((urlsplit(target)._replace(scheme="", netloc="").geturl(), url))
    return answers


@pytest.mark.parametrize("role", ROLES)
def test_every_link_a_role_is_shown_opens(world, client_of, role):
    answers = crawl(client_of(role), STARTS)
    dead = {url: answer for url, answer in answers.items() if answer[0] not in (200, 302)}
    assert dead == {}
    # The crawl reached the pages it is about: the dashboard, and the records of every role that has some.
    opened = {page_kind(url)[0] for url, (status, _referrer) in answers.items() if status == 200}
    assert "dashboard" in opened
    if role != "observer":
        assert {"record_index", "record_list", "record_detail", "record_history"} <= opened


@pytest.mark.parametrize("role", ["liaison", "donor", "observer"])
def test_a_role_outside_the_support_office_is_shown_no_import_link(world, client_of, role):
    client = client_of(role)
    for url in STARTS:
        response = client.get(url)
        assert b"/records/import/" not in response.content, url
