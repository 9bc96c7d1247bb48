"""The evidence under each risk on the dashboard: each figure named in the reader's language, not its JSON key."""

import pytest
from django.urls import reverse

from tests import factories as s
from tests.dashboard.test_pages import alpha  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def register(client, mission, language: str) -> str:
    client.force_login(s.person("observer", mission, language=language))
    html = client.get(reverse("dashboard", args=[mission.code]), {"as_of": "2025-03-01"}).content.decode()
    start = html.index('<ol class="risks">')
    return html[start : html.index("</ol>", start)]


def test_a_french_reader_sees_the_evidence_named_and_written_in_french(client, alpha):  # noqa: F811
    shown = register(client, alpha, "fr")
    # 300 deployed of 1,000 authorized: 30.0 %; Fuel covered to 30 Jun, 184 days before 31 Dec (31+31+30+31+30+31).
    for pair in (
        "<dt>Part déployée de l’effectif autorisé</dt><dd>30,0\xa0%</dd>",
        "<dt>Autorisé</dt><dd>1\u202f000</dd>",
        "<dt>Couvert jusqu’au</dt><dd>30 juin 2025</dd>",
        "<dt>Jours non couverts avant la fin du mandat</dt><dd>184</dd>",
        "<dt>Contributeur</dt><dd>Kenya (KEN)</dd>",
        "<dt>Capacité (personnes)</dt><dd>100</dd>",
    ):
        assert pair in shown
    for key in ("deployed_pct", "covered_until", "gap_days_before_mandate_end", "2025-06-30"):
        assert key not in shown


def test_an_english_reader_sees_the_evidence_in_english(client, alpha):  # noqa: F811
    shown = register(client, alpha, "en")
    assert "<dt>Deployed, share of authorized</dt><dd>30.0%</dd>" in shown
    assert "<dt>Covered until</dt><dd>30 Jun 2025</dd>" in shown
    assert "<dt>Authorized</dt><dd>1,000</dd>" in shown
