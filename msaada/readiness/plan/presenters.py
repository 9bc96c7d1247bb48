"""Renderings of a plan: JSON data (plan.schema.json), the month table as CSV, sections for text and Markdown."""

import csv
from io import StringIO
from typing import Any

from django.utils.translation import gettext as _

from msaada.readiness.formats import count_text, day_text, iso, money_text, money_value
from msaada.readiness.plan.engine import ContractNeeded, Plan
from msaada.readiness.plan.risks import channel_text
from msaada.readiness.plan.rows import CHANNELS
from msaada.readiness.presenters.markdown import sections_markdown
from msaada.readiness.presenters.sections import Section, Table, source_line
from msaada.readiness.presenters.terminal import sections_text


def plan_data(plan: Plan) -> dict[str, Any]:
    """Return the plan as the JSON object of plan.schema.json: money as strings to the cent, ISO dates."""
    return {
        "mission": plan.mission,
        "scenario": plan.scenario,
        "derived": plan.derived,
        "start": iso(plan.start),
        "end": iso(plan.end),
        "currency": plan.currency,
        "cost_model": plan.cost_model,
        "planning_rates": [
            {"currency": rate.currency, "date": iso(rate.date), "per_usd": str(rate.per_usd)}
            for rate in plan.planning_rates
        ],
        "months": [
            {
                "month": month.month,
                "days": month.days,
                "strength": month.strength,
                "person_days": month.person_days,
                "arrivals": month.arrivals,
                "cost": money_value(month.cost),
                "cost_by_line": {name: money_value(value) for name, value in month.cost_by_line.items()},
                "cost_by_channel": {name: money_value(value) for name, value in month.cost_by_channel.items()},
                "cumulative_cost": money_value(month.cumulative_cost),
                "money": money_value(month.money),
                "balance": money_value(month.balance),
            }
            for month in plan.months
        ],
        "summary": {
            "total_cost": money_value(plan.total_cost),
            "runs_out_on": iso(plan.runs_out_on),
            "gap": money_value(plan.gap),
            "full_strength_on": iso(plan.full_strength_on),
            "authorized": plan.authorized,
        },
        "channels": [
            {
                "channel": channel.channel,
                "total_cost": money_value(channel.total_cost),
                "runs_out_on": iso(channel.runs_out_on),
                "gap": money_value(channel.gap),
            }
            for channel in plan.channels
        ],
        "contracts_needed": [
            {
                "service_line": run.service_line,
                "from": iso(run.start),
                "to": iso(run.end),
                "worst_shortfall": run.worst_shortfall,
                "sign_by": iso(run.sign_by),
            }
            for run in plan.contracts_needed
        ],
        "risks": [
            {
                "code": risk.code,
                "severity": risk.severity,
                "on": iso(risk.on),
                "subject": risk.subject,
                "message": risk.message,
                "evidence": risk.evidence,
            }
            for risk in plan.risks
        ],
        "sources": [
            {"key": source.key, "title": source.title, "illustrative": source.illustrative} for source in plan.sources
        ],
    }


CSV_COLUMNS = ("month", "days", "strength", "person_days", "arrivals", "cost")
CSV_TOTALS = ("cumulative_cost", "money", "balance")


def plan_csv(plan: Plan) -> str:
    """Return the month table as CSV for a spreadsheet: machine names as headers, money to the cent."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*CSV_COLUMNS, *(f"cost_{channel}" for channel in CHANNELS), *CSV_TOTALS))
    for row in plan_data(plan)["months"]:
        writer.writerow(
            (
                *(row[column] for column in CSV_COLUMNS),
                *(row["cost_by_channel"][channel] for channel in CHANNELS),
                *(row[column] for column in CSV_TOTALS),
            )
        )
    return out.getvalue()


def heading(plan: Plan) -> str:
    """Return the plan's title line."""
    return _("%(code)s: plan %(scenario)s from %(start)s to %(end)s, figures in %(currency)s") % {
        "code": plan.mission,
        "scenario": plan.scenario,
        "start": day_text(plan.start),
        "end": day_text(plan.end),
        "currency": plan.currency,
    }


def _date_or(day: Any, otherwise: str) -> str:
    return day_text(day) if day is not None else otherwise


def _months(plan: Plan) -> Section:
    rows = tuple(
        (
            month.month,
            count_text(month.strength),
            count_text(month.arrivals),
            money_text(month.cost, plan.currency),
            money_text(month.cumulative_cost, plan.currency),
            money_text(month.money, plan.currency),
            money_text(month.balance, plan.currency),
        )
        for month in plan.months
    )
    headers = (
        _("Month"),
        _("Strength"),
        _("Arrivals"),
        _("Cost"),
        _("Cumulative cost"),
        _("Money"),
        _("Balance"),
    )
    return Section(_("Month by month"), table=Table(headers, rows, numeric=(1, 2, 3, 4, 5, 6)))


def summary_lines(plan: Plan) -> tuple[str, ...]:
    """Return the plan's summary as lines of text."""
    currency = plan.currency
    rates = ", ".join(f"{rate.currency} {rate.per_usd} ({day_text(rate.date)})" for rate in plan.planning_rates)
    authorized = count_text(plan.authorized) if plan.authorized is not None else _("no mandate on the end date")
    return (
        _("Cost model: %(model)s") % {"model": plan.cost_model or "-"},
        _("Total cost: %(cost)s") % {"cost": money_text(plan.total_cost, currency)},
        _("Money runs out on: %(day)s") % {"day": _date_or(plan.runs_out_on, _("never before the end"))},
        _("Gap at the end: %(gap)s") % {"gap": money_text(plan.gap, currency)},
        _("Full strength on: %(day)s") % {"day": _date_or(plan.full_strength_on, _("not reached"))},
        _("Strength on the end date: %(strength)s of %(authorized)s authorized")
        % {"strength": count_text(plan.strength_on_end), "authorized": authorized},
        _("Planning rates (per US dollar): %(rates)s") % {"rates": rates or _("none needed")},
    )


def _channels(plan: Plan) -> Section:
    rows = tuple(
        (
            channel_text(channel.channel),
            money_text(channel.total_cost, plan.currency),
            _date_or(channel.runs_out_on, _("never")),
            money_text(channel.gap, plan.currency),
        )
        for channel in plan.channels
    )
    headers = (_("Channel"), _("Cost"), _("Runs out on"), _("Gap"))
    return Section(_("By channel"), table=Table(headers, rows, numeric=(1, 3)))


def _contracts(plan: Plan) -> Section:
    rows = tuple(
        (
            run.service_line,
            day_text(run.start),
            day_text(run.end),
            count_text(run.worst_shortfall),
            day_text(run.sign_by),
        )
        for run in plan.contracts_needed
    )
    headers = (_("Service line"), _("From"), _("To"), _("Worst shortfall"), _("Sign by"))
    if not rows:
        return Section(_("Contracts needed"), (_("No capacity-bound line falls short."),))
    return Section(_("Contracts needed"), table=Table(headers, rows, numeric=(3,)))


def _risks(plan: Plan) -> Section:
    rows = tuple((risk.severity, risk.code, day_text(risk.on), risk.message) for risk in plan.risks)
    if not rows:
        return Section(_("Risks"), (_("No risks found."),))
    return Section(_("Risks"), table=Table((_("Severity"), _("Risk"), _("On"), _("What")), rows))


def _sources(plan: Plan) -> Section:
    numbered = tuple(source_line(source) for source in plan.sources)
    return Section(_("Sources"), () if numbered else (_("No sources cited."),), numbered=numbered)


def plan_sections(plan: Plan) -> list[Section]:
    """Return the plan's sections in reading order."""
    return [
        _months(plan),
        Section(_("Summary"), summary_lines(plan)),
        _channels(plan),
        _contracts(plan),
        _risks(plan),
        _sources(plan),
    ]


def plan_text(plan: Plan, *, color: bool = False) -> str:
    """Return the plan as text for a terminal."""
    return sections_text(heading(plan), plan_sections(plan), color=color, width=120)


def plan_markdown(plan: Plan) -> str:
    """Return the plan as a Markdown document."""
    return sections_markdown(heading(plan), plan_sections(plan))


def comparison_section(plans: list[Plan]) -> Section:
    """Return scenarios side by side: total cost, runs out on, gap per channel, full strength on, first to sign."""
    rows: list[tuple[str, ...]] = [
        (_("Start"), *(day_text(plan.start) for plan in plans)),
        (_("End"), *(day_text(plan.end) for plan in plans)),
        (_("Total cost"), *(money_text(plan.total_cost, plan.currency) for plan in plans)),
        (_("Money runs out on"), *(_date_or(plan.runs_out_on, _("never")) for plan in plans)),
        (_("Gap at the end"), *(money_text(plan.gap, plan.currency) for plan in plans)),
    ]
    for index, channel in enumerate(CHANNELS):
        label = _("Gap, %(channel)s") % {"channel": channel_text(channel)}
        rows.append((label, *(money_text(plan.channels[index].gap, plan.currency) for plan in plans)))
    rows.append((_("Full strength on"), *(_date_or(plan.full_strength_on, _("not reached")) for plan in plans)))
    rows.append((_("First contract to sign"), *(_first_to_sign(plan) for plan in plans)))
    headers = (_("Scenario"), *(plan.scenario for plan in plans))
    return Section(
        _("Scenarios side by side"), table=Table(headers, tuple(rows), numeric=tuple(range(1, len(plans) + 1)))
    )


def first_to_sign(plan: Plan) -> ContractNeeded | None:
    """Return the contract needed that must be signed first (same day: by service line), or None."""
    return min(plan.contracts_needed, key=lambda run: (run.sign_by, run.service_line), default=None)


def _first_to_sign(plan: Plan) -> str:
    first = first_to_sign(plan)
    if first is None:
        return _("none")
    return _("%(line)s by %(day)s") % {"line": first.service_line, "day": day_text(first.sign_by)}


def table_csv(section: Section) -> str:
    """Return a section's table as CSV, its headers first."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if section.table is not None:
        writer.writerows((section.table.headers, *section.table.rows))
    return out.getvalue()


def comparison_title(plans: list[Plan]) -> str:
    """Return the comparison's title line."""
    return _("%(code)s: scenarios compared, figures in %(currency)s") % {
        "code": plans[0].mission,
        "currency": plans[0].currency,
    }


def comparison_data(plans: list[Plan]) -> list[dict[str, Any]]:
    """Return the compared scenarios' figures as JSON data, one object per scenario."""
    result = []
    for plan in plans:
        first = first_to_sign(plan)
        result.append(
            {
                "scenario": plan.scenario,
                "derived": plan.derived,
                "start": iso(plan.start),
                "end": iso(plan.end),
                "total_cost": money_value(plan.total_cost),
                "runs_out_on": iso(plan.runs_out_on),
                "gap": money_value(plan.gap),
                "gap_by_channel": {channel.channel: money_value(channel.gap) for channel in plan.channels},
                "full_strength_on": iso(plan.full_strength_on),
                "first_to_sign": None
                if first is None
                else {"service_line": first.service_line, "sign_by": iso(first.sign_by)},
            }
        )
    return result
