"""The evidence under each risk in the reader's words and language: each figure named, money and dates written out.

The JSON keeps the raw keys and values (the schema's); only the people's renderings name and format them.
"""

from datetime import date

import pytest
from django.utils import translation

from msaada.readiness.brief import brief_json, build_brief
from msaada.readiness.figures import Risk
from msaada.readiness.presenters.markdown import brief_markdown
from msaada.readiness.presenters.sections import evidence_text
from msaada.readiness.presenters.terminal import brief_text
from msaada.readiness.risk_messages import EVIDENCE, risk_evidence
from tests.factories import asset, incident, site, status
from tests.readiness.test_risks import troubled

RUNWAY = {
    "cash": "400.00",
    "daily_burn": "433333.33",
    "runway_days": 5,
    "runway_end": "2025-09-28",
    "mandate_end": "2025-10-02",
}
NNBSP = "\u202f"  # French groups digits with a narrow no-break space


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            (
                ("Cash", "USD 400.00"),
                ("Daily burn (last 90 days)", "USD 433,333.33"),
                ("Runway (days)", "5"),
                ("Cash runs out on", "28 Sep 2025"),
                ("Mandate ends on", "2 Oct 2025"),
            ),
        ),
        (
            "fr",
            (
                ("Trésorerie", "USD 400,00"),
                ("Dépense quotidienne (90 derniers jours)", f"USD 433{NNBSP}333,33"),
                ("Autonomie (jours)", "5"),
                ("Trésorerie épuisée le", "28 sept. 2025"),
                ("Fin du mandat le", "2 oct. 2025"),
            ),
        ),
        (
            "es",
            (
                ("Fondos disponibles", "USD 400,00"),
                ("Gasto diario (últimos 90 días)", "USD 433.333,33"),
                ("Autonomía (días)", "5"),
                ("Fondos agotados el", "28 sept 2025"),
                ("Fin del mandato el", "2 oct 2025"),
            ),
        ),
    ],
)
def test_the_runway_evidence_is_named_and_written_in_the_language(language, expected):
    with translation.override(language):
        assert risk_evidence("FUNDING_RUNWAY", RUNWAY, "USD") == expected


@pytest.mark.parametrize(("language", "pct"), [("en", "29.6%"), ("fr", "29,6\xa0%"), ("es", "29,6\xa0%")])
def test_a_share_is_written_as_a_percentage_of_the_language(language, pct):
    evidence = {"deployed": 740, "authorized": 2500, "deployed_pct": 29.6}  # 740 / 2,500 = 29.6 %
    with translation.override(language):
        assert risk_evidence("STRENGTH_GAP", evidence, "USD")[2][1] == pct


def test_a_contributor_is_named_in_the_language_with_its_code():
    evidence = {"contributor": "BHS", "deployed": 6, "pledged": 150}
    with translation.override("es"):
        assert risk_evidence("PLEDGE_SHORTFALL", evidence, "USD")[0] == ("Contribuyente", "Bahamas (BHS)")


def test_an_uncovered_line_says_not_covered_and_a_null_figure_a_dash():
    service = {
        "service_line": "Water",
        "covered_until": None,
        "mandate_end": "2025-10-02",
        "gap_days_before_mandate_end": 9,
    }
    capacity = {"service_line": "Beds", "capacity": 1299, "deployed": 1300, "authorized": None}
    with translation.override("en"):
        assert risk_evidence("SERVICE_GAP", service, "USD")[1] == ("Covered until", "not covered")
        assert risk_evidence("CAPACITY_SHORT", capacity, "USD")[1:] == (
            ("Capacity (people)", "1,299"),
            ("Deployed", "1,300"),
            ("Authorized", "–"),
        )


def test_site_statuses_are_named_in_the_language():
    evidence = {
        "site": "Airport",
        "status": "hostile",
        "since": "2025-09-01",
        "held_status": "reopened",
        "held_since": "2024-05-20",
    }
    with translation.override("fr"):
        assert risk_evidence("SITE_LOST", evidence, "USD")[1:4:2] == (("Statut", "hostile"), ("Tenu comme", "rouvert"))


def test_the_evidence_line_names_each_figure_in_the_language():
    risk = Risk("FUNDING_RUNWAY", "high", evidence=RUNWAY)
    with translation.override("fr"):
        line = evidence_text(risk, "USD")
    assert line == (
        "Trésorerie\xa0: USD 400,00\u202f; Dépense quotidienne (90 derniers jours)\xa0: USD 433\u202f333,33\u202f; "
        "Autonomie (jours)\xa0: 5\u202f; Trésorerie épuisée le\xa0: 28 sept. 2025\u202f; "
        "Fin du mandat le\xa0: 2 oct. 2025"
    )


@pytest.mark.django_db
def test_every_rule_s_evidence_is_named_in_full():
    mss = troubled(with_mandate=True)
    asset(mss, "2025-09-01", total=12, operational=5, kind="Armoured vehicle")  # 41.7 %: high
    palace = site(mss, "Palace", latitude="18.54", longitude="-72.34")
    status(palace, "2025-01-01", "secured")
    for _n in range(3):
        incident(mss, "2025-09-20")  # on the palace: 3 within 2 km
    brief = build_brief(mss, date(2025, 9, 23))
    assert {risk.code for risk in brief.risks} == set(EVIDENCE)
    for risk in brief.risks:
        assert list(risk.evidence) == [shown.key for shown in EVIDENCE[risk.code]], risk.code


@pytest.mark.django_db
def test_the_text_and_markdown_briefs_show_the_evidence_in_words_and_the_json_keeps_its_keys():
    brief = build_brief(troubled(with_mandate=True), date(2025, 9, 23))
    # Cash 6,700 - 6,300 = 400; burn 6,300 / 90 = 70 a day; runway floor(400 / 70) = 5 days, to 28 Sep 2025.
    with translation.override("en"):
        markdown, text, data = brief_markdown(brief), brief_text(brief, width=300), brief_json(brief)
    written = "Cash: USD 400.00; Daily burn (last 90 days): USD 70.00; Runway (days): 5; Cash runs out on: 28 Sep 2025"
    assert written in markdown
    assert written in text
    assert "daily_burn" not in markdown and "daily_burn" not in text
    [runway] = [risk for risk in data["risks"] if risk["code"] == "FUNDING_RUNWAY"]
    assert runway["evidence"] == {
        "cash": "400.00",
        "daily_burn": "70.00",
        "runway_days": 5,
        "runway_end": "2025-09-28",
        "mandate_end": "2025-10-02",
    }
