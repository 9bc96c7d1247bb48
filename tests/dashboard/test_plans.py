"""The plans pages: who sees them, the numbers equal the plan's, the charts, a bad name or date, bounded queries.

The mission is tests/plans/files.py's: a build-up from 1 Jan to 31 Mar 2026 whose figures
tests/plans/test_plan_command.py computes by hand; the pages must show those figures, written
in the reader's language.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from msaada.finance.models import Organization
from msaada.forces.models import Contributor
from msaada.plans.models import Scenario, Target
from msaada.readiness.plan.build import build_plan
from tests import factories as s
from tests.clock import today_is
from tests.dashboard.reading import table
from tests.plans.files import gsf_files
from tests.plans.load import load

pytestmark = pytest.mark.django_db

NBSP = "\u202f"  # French groups thousands with a narrow no-break space


@pytest.fixture
def tst():
    return load(gsf_files(), "TST")


def signed_in(client, role: str, *missions, **scope):
    client.force_login(s.person(role, *missions, **scope))
    return client


PAGES = (
    ("plans", ()),
    ("plan", ("build-up",)),
    ("plan-derived", ("as_pledged",)),
    ("plan-chart", ("build-up", "strength")),
    ("plan-derived-chart", ("hold", "money")),
)


def urls(code: str) -> list[str]:
    return [reverse(name, args=(code, *args)) for name, args in PAGES]


@pytest.mark.parametrize("role", ["admin", "finance", "force", "logistics", "operations", "observer"])
def test_every_role_of_the_mission_sees_its_plans(client, tst, role):
    signed_in(client, role, tst)
    for url in urls("TST"):
        response = client.get(url + "?start=2026-01-01")
        assert response.status_code == 200, url


def test_a_liaison_and_a_donor_see_the_plans_of_their_missions(client, tst):
    donor = Organization.objects.get(key="us-gov")
    for scope in ({"role": "liaison", "country": "KEN"}, {"role": "donor", "organization": donor}):
        role = scope.pop("role")
        signed_in(client, role, tst, **scope)
        for url in urls("TST"):
            assert client.get(url + "?start=2026-01-01").status_code == 200, (role, url)


def test_nobody_outside_the_mission_sees_them(client, tst):
    other = s.mission("other")
    for role in ("finance", "liaison", "observer"):
        signed_in(client, role, other, country="KEN" if role == "liaison" else "")
        for url in urls("TST"):
            assert client.get(url).status_code == 404, (role, url)


def test_anonymous_visitors_are_sent_to_log_in(client, tst):
    for url in urls("TST"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_a_bad_scenario_name_a_bad_kind_or_a_bad_chart_is_404(client, tst):
    signed_in(client, "finance", tst)
    for url in (
        reverse("plan", args=("TST", "nope")),
        reverse("plan-derived", args=("TST", "nope")),
        reverse("plan-chart", args=("TST", "nope", "strength")),
        reverse("plan-chart", args=("TST", "build-up", "pie")),
        # One capacity-bound line: there is a first capacity chart, not a second.
        reverse("plan-chart", args=("TST", "build-up", "capacity-2")),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("plan-chart", args=("TST", "build-up", "capacity-1"))).status_code == 200


def test_the_month_tables_are_the_plans_months(client, tst):
    signed_in(client, "finance", tst)
    html = client.get(reverse("plan", args=("TST", "build-up"))).content.decode()
    # tests/plans/test_plan_command.py: 100, then 150 from 1 Feb (50 TCD arrive); beds for the 200 authorized.
    assert table(html, "strength-numbers") == [
        ["Month", "Strength at the month's end", "Authorized", "Arrivals", "Person-days"],
        ["Jan 2026", "100", "200", "0", "3,100"],
        ["Feb 2026", "150", "200", "50", "4,200"],
        ["Mar 2026", "150", "200", "0", "4,650"],
    ]
    assert table(html, "money-numbers") == [
        ["Month", "Cost", "Cumulative cost", "Money", "Balance"],
        ["Jan 2026", "$103,100.00", "$103,100.00", "$56,000.00", "-$47,100.00"],
        ["Feb 2026", "$153,100.00", "$256,200.00", "$56,000.00", "-$200,200.00"],
        ["Mar 2026", "$153,100.00", "$409,300.00", "$59,000.00", "-$350,300.00"],
    ]
    assert table(html, "channels-numbers")[1:] == [
        ["Jan 2026", "$100,000.00", "$3,100.00", "$0.00", "$103,100.00"],
        ["Feb 2026", "$150,000.00", "$3,100.00", "$0.00", "$153,100.00"],
        ["Mar 2026", "$150,000.00", "$3,100.00", "$0.00", "$153,100.00"],
    ]
    # Beds for 120 until 15 Feb, then none: 150 short from 16 Feb; at the end of January 20 beds spare.
    assert table(html, "capacity-1-numbers")[1:] == [
        ["Jan 2026", "100", "120", "0"],
        ["Feb 2026", "150", "0", "150"],
        ["Mar 2026", "150", "0", "150"],
    ]


def test_the_summary_channels_contracts_risks_and_rates_are_the_plans(client, tst):
    signed_in(client, "finance", tst)
    html = client.get(reverse("plan", args=("TST", "build-up"))).content.decode()
    plan = build_plan(tst, scenario="build-up")
    assert (plan.total_cost, plan.runs_out_on) == (409300, date(2026, 1, 17))
    assert '<dd id="total-cost">$409,300.00</dd>' in html
    assert '<dd id="runs-out-on">17 Jan 2026</dd>' in html
    assert '<dd id="gap">$350,300.00</dd>' in html
    assert '<dd id="full-strength-on">not reached</dd>' in html
    assert table(html, "channels-table")[1:] == [
        ["Assessed", "$400,000.00", "16 Jan 2026", "$350,000.00"],
        ["Voluntary", "$9,300.00", "27 Feb 2026", "$300.00"],
        ["Bilateral", "$0.00", "never before the end", "$0.00"],
    ]
    # Short from 1 Feb, sign 60 days before: 3 Dec 2025, before the plan's start on 1 Jan: too late.
    assert table(html, "contracts-table")[1:] == [
        ["Accommodation", "1 Feb 2026", "31 Mar 2026", "150", "60", "3 Dec 2025 too late"]
    ]
    assert "The money runs out on 17 Jan 2026, $350,300.00 short by 31 Mar 2026" not in html  # the engine's format
    assert "The money runs out on 17 Jan 2026, USD 350,300.00 short by 31 Mar 2026" in html
    assert "Channel short of money</span> · <span>voluntary" in html
    assert table(html, "planning-rates") == [["Currency", "Per US dollar", "Date"], ["EUR", "0.8", "1 Dec 2025"]]
    assert table(html, "cost-lines")[1:] == [
        ["Allowances", "per person per month", "€800.00", "assessed", "–", "Accommodation", "60"],
        ["Headquarters", "per month", "$3,100.00", "voluntary", "–", "–", "–"],
    ]


def test_the_charts_are_svg(client, tst):
    signed_in(client, "observer", tst)
    html = client.get(reverse("plan", args=("TST", "build-up"))).content.decode()
    for name in ("strength", "money", "channels", "capacity-1"):
        assert f'aria-labelledby="{name}-caption"' in html
        response = client.get(reverse("plan-chart", args=("TST", "build-up", name)))
        assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
        assert response.content.startswith(b"<?xml") and b"<svg" in response.content
    # The day the money runs out is marked on the money chart, in the reader's words.
    assert "Runs out on 17 Jan 2026" in html


def test_side_by_side_the_scenarios_and_the_derived_ones(client, tst):
    signed_in(client, "liaison", tst, country="KEN")
    html = client.get(reverse("plans", args=("TST",)) + "?start=2026-01-01").content.decode()
    rows = table(html, "plans-compared")
    assert rows[0] == ["Scenario", "build-up", "Hold today's strength", "As pledged", "As history shows"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Total cost"][0] == "$409,300.00"
    assert by_label["Money runs out on"][0] == "17 Jan 2026"
    assert by_label["Gap, voluntary"][:2] == ["$300.00", "$3,300.00"]  # hold: 9300 against the trust fund's 6000
    assert by_label["First contract to sign"][:2] == ["Accommodation by 3 Dec 2025", "Accommodation by 18 Dec 2025"]
    assert reverse("plan-derived", args=("TST", "hold")) + "?start=2026-01-01" in html


def test_a_derived_plan_that_cannot_be_computed_says_why(client, tst):
    signed_in(client, "finance", tst)
    html = client.get(reverse("plan-derived", args=("TST", "hold")) + "?start=2026-06-01").content.decode()
    assert "No mandate of mission TST runs on 2026-06-01: give the plan an end." in html
    compared = client.get(reverse("plans", args=("TST",)) + "?start=2026-06-01").content.decode()
    assert "No mandate of mission TST runs on 2026-06-01" in compared
    assert table(compared, "plans-compared")[3][1:] == ["$409,300.00", "–", "–", "–"]


@pytest.mark.parametrize("bad", ["2026-02-30", "01/01/2026", "0999-01-01"])
def test_a_bad_start_says_so_and_starts_today(client, tst, bad):
    signed_in(client, "finance", tst)
    with today_is("2026-01-05"):
        html = client.get(reverse("plan-derived", args=("TST", "hold")) + f"?start={bad}").content.decode()
    assert 'id="start-note" class="errorlist" role="alert"' in html
    assert "Starting on 5 Jan 2026 (today) instead." in html
    # From 5 Jan: 27 days of January.
    assert table(html, "money-numbers")[1][0] == "Jan 2026"
    assert "5 Jan 2026 to 31 Mar 2026" in html


def test_french_labels_dates_and_money(client, tst):
    signed_in(client, "finance", tst, language="fr")
    with translation.override("fr"):
        html = client.get(reverse("plan", args=("TST", "build-up")), headers={"accept-language": "fr"}).content.decode()
    assert "Montée en puissance" in html
    assert table(html, "money-numbers")[1] == [
        "janv. 2026",
        f"103{NBSP}100,00\u00a0$US",
        f"103{NBSP}100,00\u00a0$US",
        f"56{NBSP}000,00\u00a0$US",
        f"-47{NBSP}100,00\u00a0$US",
    ]
    assert '<dd id="runs-out-on">17 janv. 2026</dd>' in html
    assert table(html, "cost-lines")[1][1] == "par personne et par mois"


def test_the_side_by_side_page_reads_a_bounded_number_of_queries(client, tst):
    signed_in(client, "finance", tst)
    url = reverse("plans", args=("TST",)) + "?start=2026-01-01"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    scenario = Scenario.objects.get(mission=tst, name="build-up")
    chad = Contributor.objects.get(code="TCD")
    for offset in range(30):
        Target(
            mission=tst,
            scenario=scenario,
            contributor=chad,
            category="military",
            date=date(2026, 2, 1) + timedelta(days=offset),
            strength=50,
        ).save()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
