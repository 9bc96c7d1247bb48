"""Sites with their latest status, SITE_LOST, and the sources listed behind a brief."""

from datetime import date

import pytest

from msaada.readiness.brief import build_brief
from msaada.readiness.presenters import brief_markdown, brief_text
from tests.factories import cite, contract, deploy, flow, mandate, mission, pledge, rate, site, source, spend, status
from tests.readiness.briefs import brief, risks

pytestmark = pytest.mark.django_db

D = "2025-09-23"


def site_rows(data: dict) -> list[tuple]:
    return [(row["name"], row["kind"], row["status"], row["since"]) for row in data["sites"]]


def lost(data: dict) -> list[tuple[str, str]]:
    return [(risk["subject"], risk["severity"]) for risk in risks(data, "SITE_LOST")]


def test_sites_by_name_with_their_latest_status_up_to_the_date():
    mss = mission()
    airport = site(mss, "Toussaint Louverture International Airport")
    status(airport, "2024-03-04", "hostile")
    status(airport, "2024-05-20", "reopened")
    status(airport, "2024-11-11", "contested")
    status(airport, "2025-09-24", "secured")  # after D
    hospital = site(mss, "HUEH", kind="hospital")
    status(hospital, "2024-07-07", "secured")
    site(mss, "LSA 2 base", kind="base")
    assert site_rows(brief(mss, D)) == [
        ("HUEH", "hospital", "secured", "2024-07-07"),
        ("LSA 2 base", "base", None, None),
        ("Toussaint Louverture International Airport", "airport", "contested", "2024-11-11"),
    ]


def test_site_whose_only_status_is_after_the_date_has_none():
    mss = mission()
    status(site(mss, "Palace", kind="palace"), "2025-09-24", "secured")
    assert site_rows(brief(mss, D)) == [("Palace", "palace", None, None)]


@pytest.mark.parametrize(("first", "second"), [("secured", "contested"), ("contested", "secured")])
def test_statuses_on_the_same_date_the_higher_pk_wins(first, second):
    mss = mission()
    palace = site(mss, "Palace", kind="palace")
    status(palace, "2025-09-01", first)
    status(palace, "2025-09-01", second)
    assert site_rows(brief(mss, D)) == [("Palace", "palace", second, "2025-09-01")]


def test_archived_sites_and_statuses_are_left_out():
    mss = mission()
    site(mss, "Old base", kind="base").archive()
    school = site(mss, "School", kind="school")
    status(school, "2024-10-01", "reopened")
    status(school, "2025-01-01", "hostile").archive()
    site(mission("other"), "Elsewhere")
    data = brief(mss, D)
    assert site_rows(data) == [("School", "school", "reopened", "2024-10-01")]
    assert lost(data) == []


@pytest.mark.parametrize(
    ("history", "fires"),
    [
        (["secured", "hostile"], True),
        (["reopened", "hostile"], True),
        (["secured", "contested", "hostile"], True),
        (["hostile"], False),  # never held
        (["contested", "hostile"], False),
        (["secured", "hostile", "secured"], False),  # held again
        (["hostile", "reopened"], False),
        (["secured", "contested"], False),
    ],
)
def test_site_lost(history, fires):
    mss = mission()
    airport = site(mss, "Airport")
    for month, value in enumerate(history, start=1):
        status(airport, f"2025-0{month}-01", value)
    assert lost(brief(mss, D)) == ([("Airport", "high")] if fires else [])


def test_site_lost_counts_only_statuses_up_to_the_date():
    mss = mission()
    airport = site(mss, "Airport")
    status(airport, "2025-01-01", "secured")
    status(airport, "2025-09-24", "hostile")  # after D
    assert lost(brief(mss, D)) == []
    other = mission("other")
    school = site(other, "School", kind="school")
    status(school, "2025-01-01", "hostile")
    status(school, "2025-09-24", "reopened")  # held only after D
    assert lost(brief(other, D)) == []


def test_site_lost_when_hostile_after_secured_on_the_same_day():
    mss = mission()
    airport = site(mss, "Airport")
    status(airport, "2025-03-04", "secured")
    status(airport, "2025-03-04", "hostile")  # higher pk: the latest
    assert lost(brief(mss, D)) == [("Airport", "high")]


def test_site_lost_message_and_evidence():
    mss = mission()
    airport = site(mss, "Toussaint Louverture International Airport")
    status(airport, "2024-05-20", "reopened")
    status(airport, "2024-07-01", "secured")
    status(airport, "2024-11-11", "hostile")
    [risk] = risks(brief(mss, D), "SITE_LOST")
    assert risk["subject"] == "Toussaint Louverture International Airport"
    assert risk["message"] == (
        "Toussaint Louverture International Airport: hostile since 11 Nov 2024, after secured on 1 Jul 2024"
    )
    assert risk["evidence"] == {
        "site": "Toussaint Louverture International Airport",
        "status": "hostile",
        "since": "2024-11-11",
        "held_status": "secured",
        "held_since": "2024-07-01",
    }


def cited(record, key: str, **fields):
    cite(record, source(key, **fields))
    return record


def test_sources_are_those_cited_by_the_records_behind_the_brief():
    mss = cited(mission(), "s-mission")
    cited(mandate(mss, "2023-10-02", "2024-10-02", authority="old"), "x-old-mandate")
    cited(mandate(mss, "2024-10-02", "2025-10-02", authority="current"), "s-mandate")
    cited(mandate(mss, "2025-10-03", "2026-10-02", authority="next"), "x-next-mandate")
    cited(deploy(mss, "KEN", 200, "2024-06-25"), "s-deploy")
    cited(deploy(mss, "KEN", 100, "2025-09-24"), "x-deploy-later")
    cited(pledge(mss, "KEN", 1000, "2023-10-02"), "x-pledge-replaced")
    cited(pledge(mss, "KEN", 800, "2025-01-01"), "s-pledge")
    cited(pledge(mss, "BLZ", 50, "2025-01-01", status="withdrawn"), "s-pledge-withdrawn")
    cited(pledge(mss, "JAM", 200, "2025-09-24"), "x-pledge-later")
    cited(rate("EUR", "2025-01-01", "0.95"), "x-rate-replaced")  # replaced before the flow's date
    cited(rate("EUR", "2025-01-05", "0.9"), "s-rate-of-flow")
    cited(rate("EUR", "2025-06-01", "0.8"), "s-rate-of-date")  # the unpaid commitments use the rate of D
    cited(rate("EUR", "2025-09-24", "0.7"), "x-rate-later")
    cited(rate("GBP", "2025-01-05", "0.7"), "x-rate-unused")
    cited(flow(mss, "commitment", "900", "2025-01-10", currency="EUR"), "s-flow")
    cited(flow(mss, "paid", "100", "2025-09-24"), "x-flow-later")
    cited(spend(mss, "50", "2025-09-01"), "s-spend")
    cited(spend(mss, "50", "2025-09-24"), "x-spend-later")
    cited(contract(mss, "Rations", "2025-01-01", "2025-02-28"), "x-contract-ended")
    cited(contract(mss, "Rations", "2025-03-01", "2025-09-30"), "s-contract")
    cited(contract(mss, "Rations", "2025-10-01", "2025-12-31"), "s-contract-chained")
    cited(contract(mss, "Rations", "2026-01-02", "2026-06-30"), "x-contract-after-gap")
    cited(contract(mss, "Fuel", "2025-10-01", "2025-12-31"), "x-contract-not-covering")
    palace = cited(site(mss, "Palace", kind="palace"), "s-site")
    cited(status(palace, "2025-01-01", "contested"), "x-status-replaced")
    cited(status(palace, "2025-09-01", "secured"), "s-status")
    cited(status(palace, "2025-09-24", "hostile"), "x-status-later")
    other = mission("other")
    cited(flow(other, "paid", "100", "2025-01-01"), "x-other-mission")
    source("x-not-cited")
    keys = [row["key"] for row in brief(mss, D)["sources"]]
    assert keys == [
        "s-contract",
        "s-contract-chained",
        "s-deploy",
        "s-flow",
        "s-mandate",
        "s-mission",
        "s-pledge",
        "s-pledge-withdrawn",
        "s-rate-of-date",
        "s-rate-of-flow",
        "s-site",
        "s-spend",
        "s-status",
    ]


def test_a_source_cited_only_by_a_flow_after_the_date_is_not_listed():
    mss = mission()
    cited(flow(mss, "paid", "100", "2025-09-24"), "later")
    assert brief(mss, D)["sources"] == []
    assert [row["key"] for row in brief(mss, "2025-09-24")["sources"]] == ["later"]


def test_a_source_is_listed_once_however_many_records_cite_it():
    mss = mission()
    reuters = source("reuters-2025-06-26", kind="news", publisher="Reuters", on="2025-06-26")
    cite(deploy(mss, "KEN", 761, "2024-06-25"), reuters)
    cite(deploy(mss, "KEN", 29, "2025-06-26", change="departure"), reuters, source("seed-000"))
    assert brief(mss, D)["sources"] == [
        {
            "key": "reuters-2025-06-26",
            "title": "Title of reuters-2025-06-26",
            "publisher": "Reuters",
            "date": "2025-06-26",
            "kind": "news",
            "url": None,
        },
        {
            "key": "seed-000",
            "title": "Title of seed-000",
            "publisher": None,
            "date": None,
            "kind": "report",
            "url": None,
        },
    ]


def test_archived_sources_and_archived_records_are_left_out():
    mss = mission()
    gone = source("archived-source")
    cite(deploy(mss, "KEN", 10, "2025-01-01"), gone)
    gone.archive()
    cited(deploy(mss, "KEN", 10, "2025-01-01"), "of-archived-record").archive()
    cited(deploy(mss, "KEN", 10, "2025-01-01"), "kept")
    assert [row["key"] for row in brief(mss, D)["sources"]] == ["kept"]


def test_rates_of_the_base_currency_are_sources_too():
    eur = mission("eur", currency="EUR")
    cited(rate("EUR", "2025-01-01", "0.9"), "s-eur-rate")
    cited(rate("EUR", "2025-09-24", "0.8"), "x-eur-rate-later")
    cited(flow(eur, "paid", "100", "2025-02-01", currency="USD"), "s-flow")
    assert [row["key"] for row in brief(eur, D)["sources"]] == ["s-eur-rate", "s-flow"]


def test_illustrative_source_is_marked_in_json_text_and_markdown():
    mss = mission()
    demo = source("illustrative-msaada-demo", kind="illustrative")
    cite(spend(mss, "1200000", "2025-09-01"), demo)
    cite(deploy(mss, "KEN", 200, "2024-06-25"), source("kenyanpost-2024-07-08", kind="news", on="2024-07-08"))
    assert {row["key"]: row["kind"] for row in brief(mss, D)["sources"]} == {
        "illustrative-msaada-demo": "illustrative",
        "kenyanpost-2024-07-08": "news",
    }
    figures = build_brief(mss, date(2025, 9, 23))
    text = brief_text(figures, width=200)
    assert "1. [illustrative-msaada-demo] Title of illustrative-msaada-demo (illustrative: not from a source)" in text
    assert "2. [kenyanpost-2024-07-08] Title of kenyanpost-2024-07-08. 8 Jul 2024 (news)" in text
    markdown = brief_markdown(figures)
    assert "1. \\[illustrative-msaada-demo\\] Title of illustrative-msaada-demo (illustrative: not from a source)" in (
        markdown
    )
    assert text.count("illustrative: not from a source") == 1


def test_lines_sites_and_sources_are_listed_in_code_point_order_on_every_database():
    # A database's collation could put "base camp" between "Airport" and "Zulu" or "École" first;
    # the brief lists them alike on SQLite and on a PostgreSQL cluster of any locale.
    mss = mission()
    names = ["base camp", "Zulu", "École", "Airport"]
    for name in names:
        cite(site(mss, name), source(name.lower().replace(" ", "-")))
        contract(mss, name, "2025-01-01", "2025-12-31")
    data = brief(mss, D)
    in_order = ["Airport", "Zulu", "base camp", "École"]
    assert [row["name"] for row in data["sites"]] == in_order
    assert [row["service_line"] for row in data["life_support"]] == in_order
    assert [row["key"] for row in data["sources"]] == ["airport", "base-camp", "zulu", "école"]
