"""A mission's plans on the web: its scenarios and the three derived ones side by side, and one plan with its charts.

Plans are aggregates, as the dashboard's figures are: every role sees those of its missions, and a
mission outside the user's scope answers 404. A derived plan's start lives in the URL, so a view
can be shared; each chart's numbers are shown as a table of the plan's months.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msaada.accounts.scopes import mission_or_404
from msaada.dashboard import charts, plan_charts
from msaada.dashboard.templatetags.dashboard import NOTHING, count, day, money
from msaada.finance.money import MissingRateError
from msaada.missions.models import Mission
from msaada.plans.models import Basis, Scenario
from msaada.readiness.formats import active_locale
from msaada.readiness.plan.engine import MonthFigure, Plan, PlanError, compute
from msaada.readiness.plan.presenters import first_to_sign
from msaada.readiness.plan.risks import assess, channel_text
from msaada.readiness.plan.rows import AS_HISTORY_SHOWS, AS_PLEDGED, CHANNELS, HOLD, CostLineRow, PlanInputs
from msaada.readiness.plan.selectors import PlanInputError, read_plan_inputs, scenario_named
from msaada.readiness.risks import SEVERITY_ORDER

EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
DERIVED_NAMES = {
    HOLD: gettext_lazy("Hold today's strength"),
    AS_PLEDGED: gettext_lazy("As pledged"),
    AS_HISTORY_SHOWS: gettext_lazy("As history shows"),
}
RISK_NAMES = {
    "CAPACITY_SHORT": gettext_lazy("Capacity short"),
    "FUNDING_RUNWAY": gettext_lazy("Money runs out"),
    "CHANNEL_GAP": gettext_lazy("Channel short of money"),
    "STRENGTH_GAP": gettext_lazy("Short of the authorized strength"),
}
CHART_NAMES = ("strength", "money", "channels")
PlanErrors = (PlanInputError, PlanError, MissingRateError)


class StartForm(forms.Form):
    """The day a derived plan starts from, kept in the URL."""

    start = forms.DateField(
        label=gettext_lazy("Start"),
        required=False,
        input_formats=["%Y-%m-%d"],
        localize=False,
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
        widget=forms.DateInput(
            format="%Y-%m-%d",
            attrs={
                "type": "date",
                "min": EARLIEST.isoformat(),
                "max": LATEST.isoformat(),
                "aria-describedby": "start-note",
            },
        ),
    )


def read_start(request: HttpRequest) -> tuple[StartForm, date]:
    """Return the start form and the day it asks for; today when none is asked or the date is not valid."""
    today = timezone.localdate()
    form = StartForm(request.GET if "start" in request.GET else None, initial={"start": today})
    start = form.cleaned_data["start"] if form.is_bound and form.is_valid() else None
    return form, start or today


@dataclass(frozen=True)
class Chart:
    """A plan's chart: its name in the URL, caption and SVG, and its numbers as a table of the plan's months."""

    name: str
    heading: str
    caption: str
    svg: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def inline_svg(self) -> SafeString:
        """The SVG to write into the page; matplotlib escapes every text it writes, so it is safe markup."""
        return mark_safe(charts.inline(self.svg, self.name, f"{self.name}-caption"))  # noqa: S308


@dataclass(frozen=True)
class Column:
    """One scenario of the side-by-side page: its name, its page and its plan, or why it cannot be computed."""

    name: str
    url: str
    plan: Plan | None
    error: str | None = None


def month_text(month: MonthFigure) -> str:
    """Name a plan's month as the language does: `Jan 2026`, `janv. 2026`."""
    return format_date(month.first, "MMM y", locale=active_locale())


def _day_or(value: date | None, otherwise: str) -> str:
    return otherwise if value is None else day(value)


def _day_index(plan: Plan, value: date) -> int:
    return (value - plan.start).days


def strength_chart(plan: Plan) -> Chart:
    """Planned strength day by day against the authorized strength, and its months."""
    caption = _("Planned strength day by day against the authorized strength of the mandate running that day")
    days = tuple((row.day, row.strength, row.authorized) for row in plan.days)
    rows = tuple(
        (
            month_text(month),
            count(month.strength),
            count(plan.days[_day_index(plan, month.last)].authorized),
            count(month.arrivals),
            count(month.person_days),
        )
        for month in plan.months
    )
    headers = (_("Month"), _("Strength at the month's end"), _("Authorized"), _("Arrivals"), _("Person-days"))
    return Chart("strength", _("Strength build-up"), caption, plan_charts.strength_chart(days, caption), headers, rows)


def money_chart(plan: Plan) -> Chart:
    """Cumulative cost against money day by day, the day the money runs out marked, and its months."""
    caption = _("Cumulative cost against the money, in %(currency)s, with the day the money runs out") % {
        "currency": plan.currency
    }
    days = tuple((row.day, row.cumulative_cost, row.money) for row in plan.days)
    currency = plan.currency
    rows = tuple(
        (
            month_text(month),
            money(month.cost, currency),
            money(month.cumulative_cost, currency),
            money(month.money, currency),
            money(month.balance, currency),
        )
        for month in plan.months
    )
    headers = (_("Month"), _("Cost"), _("Cumulative cost"), _("Money"), _("Balance"))
    svg = plan_charts.money_chart(days, plan.runs_out_on, currency, caption)
    return Chart("money", _("Cost and money"), caption, svg, headers, rows)


def channel_chart(plan: Plan) -> Chart:
    """Cost by channel month by month, and its months."""
    caption = _("Cost by channel month by month, in %(currency)s") % {"currency": plan.currency}
    labels = tuple(channel_text(channel) for channel in CHANNELS)
    months = tuple(
        (month.first, tuple(month.cost_by_channel[channel] for channel in CHANNELS)) for month in plan.months
    )
    rows = tuple(
        (
            month_text(month),
            *(money(month.cost_by_channel[channel], plan.currency) for channel in CHANNELS),
            money(month.cost, plan.currency),
        )
        for month in plan.months
    )
    headers = (_("Month"), *(label.capitalize() for label in labels), _("Total"))
    svg = plan_charts.channel_chart(months, labels, plan.currency, caption)
    return Chart("channels", _("Cost by channel"), caption, svg, headers, rows)


def capacity_charts(plan: Plan) -> list[Chart]:
    """Capacity against strength for each capacity-bound line, day by day, and its months."""
    drawn = []
    for number, (line, capacity) in enumerate(sorted(plan.capacity.items()), start=1):
        caption = _("%(line)s: capacity under contract against the planned strength") % {"line": line}
        days = tuple((row.day, row.strength, have) for row, have in zip(plan.days, capacity, strict=True))
        rows = []
        for month in plan.months:
            first, last = _day_index(plan, month.first), _day_index(plan, month.last)
            short = max(plan.days[index].strength - capacity[index] for index in range(first, last + 1))
            rows.append((month_text(month), count(month.strength), count(capacity[last]), count(max(0, short))))
        headers = (_("Month"), _("Strength at the month's end"), _("Capacity at the month's end"), _("Worst shortfall"))
        name = f"capacity-{number}"
        drawn.append(Chart(name, line, caption, plan_charts.capacity_chart(days, caption), headers, tuple(rows)))
    return drawn


def plan_chart(plan: Plan, name: str) -> Chart | None:
    """Return the plan's chart of that name, or None."""
    if name in CHART_NAMES:
        return {"strength": strength_chart, "money": money_chart, "channels": channel_chart}[name](plan)
    return next((drawn for drawn in capacity_charts(plan) if drawn.name == name), None)


def compute_plan(
    mission: Mission, *, scenario: str | None = None, derived: str | None = None, start: date | None = None
) -> tuple[PlanInputs, Plan]:
    """Read and compute a plan with its risks, keeping its inputs (the cost model's lines) for the page."""
    inputs = read_plan_inputs(mission, scenario=scenario, derived=derived, start=start)
    return inputs, assess(compute(inputs))


def scenario_or_404(mission: Mission, name: str) -> Scenario:
    """Return the mission's scenario of that name, or answer 404."""
    try:
        return scenario_named(mission, name)
    except PlanInputError as error:
        raise Http404 from error


def derived_or_404(kind: str) -> str:
    """Return the derived scenario's kind, or answer 404."""
    if kind not in DERIVED_NAMES:
        raise Http404
    return kind


def _query(start: date) -> str:
    return f"?start={start.isoformat()}"


def columns(mission: Mission, start: date) -> list[Column]:
    """Return the mission's scenarios by start and name, then the three derived ones from the start."""
    found = []
    for scenario in Scenario.objects.counted().filter(mission=mission).order_by("start", "name"):
        url = reverse("plan", args=(mission.code, scenario.name))
        try:
            found.append(Column(scenario.name, url, compute_plan(mission, scenario=scenario.name)[1]))
        except PlanErrors as error:
            found.append(Column(scenario.name, url, None, str(error)))
    for kind, label in DERIVED_NAMES.items():
        url = reverse("plan-derived", args=(mission.code, kind)) + _query(start)
        try:
            found.append(Column(str(label), url, compute_plan(mission, derived=kind, start=start)[1]))
        except PlanErrors as error:
            found.append(Column(str(label), url, None, str(error)))
    return found


def _first_to_sign(plan: Plan) -> str:
    first = first_to_sign(plan)
    if first is None:
        return _("none")
    return _("%(line)s by %(day)s") % {"line": first.service_line, "day": day(first.sign_by)}


def comparison_rows(found: list[Column]) -> list[tuple[str, list[str]]]:
    """Return the side-by-side table's rows: a label, then one cell per scenario (a dash where none was computed)."""
    figures: list[tuple[str, Any]] = [
        (_("Start"), lambda plan: day(plan.start)),
        (_("End"), lambda plan: day(plan.end)),
        (_("Total cost"), lambda plan: money(plan.total_cost, plan.currency)),
        (_("Money runs out on"), lambda plan: _day_or(plan.runs_out_on, _("never before the end"))),
        (_("Gap at the end"), lambda plan: money(plan.gap, plan.currency)),
    ]
    for index, channel in enumerate(CHANNELS):
        label = _("Gap, %(channel)s") % {"channel": channel_text(channel)}
        figures.append((label, lambda plan, index=index: money(plan.channels[index].gap, plan.currency)))
    figures.append((_("Full strength on"), lambda plan: _day_or(plan.full_strength_on, _("not reached"))))
    figures.append((_("First contract to sign"), _first_to_sign))
    return [
        (label, [NOTHING if column.plan is None else write(column.plan) for column in found])
        for label, write in figures
    ]


@dataclass(frozen=True)
class LineRow:
    """A cost line as the page writes it: the basis and channel by their labels, money with its currency."""

    budget_line: str
    basis: str
    amount: str
    channel: str
    rotation_months: str
    service_line: str
    lead_days: str


def line_rows(lines: tuple[CostLineRow, ...]) -> list[LineRow]:
    """Write the cost model's lines in the reader's language."""
    return [
        LineRow(
            line.budget_line,
            str(Basis(line.basis).label),
            money(line.amount, line.currency),
            channel_text(line.channel),
            count(line.rotation_months),
            line.service_line or NOTHING,
            count(line.lead_days),
        )
        for line in lines
    ]


def plan_context(plan: Plan, inputs: PlanInputs) -> dict[str, Any]:
    """Return what one plan's page shows: summary, charts with their months, contracts, risks, rates and sources."""
    risks = sorted(plan.risks, key=lambda risk: (SEVERITY_ORDER[risk.severity], risk.on))
    return {
        "plan": plan,
        "charts": [strength_chart(plan), money_chart(plan), channel_chart(plan)],
        "capacity_charts": capacity_charts(plan),
        "channel_rows": [
            (
                channel_text(channel.channel),
                money(channel.total_cost, plan.currency),
                _day_or(channel.runs_out_on, _("never before the end")),
                money(channel.gap, plan.currency),
            )
            for channel in plan.channels
        ],
        "contracts": [(run, run.sign_by < plan.start) for run in plan.contracts_needed],
        "risks": [
            (
                risk,
                RISK_NAMES.get(risk.code, risk.code),
                channel_text(risk.subject) if risk.code == "CHANNEL_GAP" and risk.subject else risk.subject,
            )
            for risk in risks
        ],
        "rates": [
            (rate.currency, format_decimal(rate.per_usd, locale=active_locale()), day(rate.date))
            for rate in plan.planning_rates
        ],
        "lines": line_rows(inputs.lines),
        "runs_out": _day_or(plan.runs_out_on, _("never before the end")),
        "full_strength": _day_or(plan.full_strength_on, _("not reached")),
        "authorized": NOTHING if plan.authorized is None else count(plan.authorized),
    }


@login_required
def plans(request: HttpRequest, code: str) -> HttpResponse:
    """Show the mission's scenarios and the three derived ones side by side."""
    mission = mission_or_404(request.user, code)
    form, start = read_start(request)
    found = columns(mission, start)
    context = {"mission": mission, "form": form, "start": start, "columns": found, "rows": comparison_rows(found)}
    return render(request, "dashboard/plans.html", context)


def _plan_of(request: HttpRequest, mission: Mission, name: str | None, kind: str | None) -> dict[str, Any]:
    """Return the page's title, start form and plan (or the error that stops it) for a named or derived scenario."""
    if name is not None:
        scenario = scenario_or_404(mission, name)
        context: dict[str, Any] = {"scenario": scenario, "title": scenario.name, "query": ""}
        try:
            context["inputs"], context["computed"] = compute_plan(mission, scenario=name)
        except PlanErrors as error:
            context["error"] = str(error)
        return context
    derived = derived_or_404(str(kind))
    form, start = read_start(request)
    context = {
        "derived": derived,
        "title": DERIVED_NAMES[derived],
        "form": form,
        "start": start,
        "query": _query(start),
    }
    try:
        context["inputs"], context["computed"] = compute_plan(mission, derived=derived, start=start)
    except PlanErrors as error:
        context["error"] = str(error)
    return context


@login_required
def plan(request: HttpRequest, code: str, name: str | None = None, kind: str | None = None) -> HttpResponse:
    """Show one plan: a scenario of the mission's, or a derived one from the start in the URL (today by default)."""
    mission = mission_or_404(request.user, code)
    context = {"mission": mission, **_plan_of(request, mission, name, kind)}
    if "computed" in context:
        context.update(plan_context(context["computed"], context["inputs"]))
    return render(request, "dashboard/plan.html", context)


@login_required
def chart(
    request: HttpRequest, code: str, chart: str, name: str | None = None, kind: str | None = None
) -> HttpResponse:
    """Serve one of a plan's charts as a standalone SVG, to save or share."""
    mission = mission_or_404(request.user, code)
    context = _plan_of(request, mission, name, kind)
    if "error" in context:
        return HttpResponse(context["error"], status=409, content_type="text/plain; charset=utf-8")
    drawn = plan_chart(context["computed"], chart)
    if drawn is None or drawn.svg is None:
        raise Http404
    return HttpResponse(drawn.svg, content_type="image/svg+xml; charset=utf-8")
