"""`msaada plan`: print a scenario's plan (or several side by side) as text, JSON, CSV or Markdown."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from msaada.finance.money import MissingRateError
from msaada.missions.models import Mission
from msaada.readiness.management.commands.brief import parse_day
from msaada.readiness.plan.build import build_plan
from msaada.readiness.plan.engine import Plan, PlanError
from msaada.readiness.plan.presenters import (
    comparison_data,
    comparison_section,
    comparison_title,
    plan_csv,
    plan_data,
    plan_markdown,
    plan_text,
    table_csv,
)
from msaada.readiness.plan.rows import DERIVED
from msaada.readiness.plan.selectors import PlanInputError
from msaada.readiness.presenters.markdown import sections_markdown
from msaada.readiness.presenters.terminal import sections_text


class Command(BaseCommand):
    help = (
        "Print a mission's plan: month by month cost, strength and money, the summary, the gaps per channel, "
        "the contracts to sign and the dated risks; or scenarios side by side with --compare."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mission", required=True, help="the mission's code, e.g. GSF")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--scenario", help="the name of a scenario of the mission")
        which.add_argument("--derived", choices=DERIVED, help="a scenario derived from the records alone")
        which.add_argument(
            "--compare",
            nargs="+",
            metavar="NAME",
            help="scenarios to show side by side (a name, or hold, as_pledged, as_history_shows)",
        )
        parser.add_argument("--start", help="the plan's start, YYYY-MM-DD (default: the scenario's; derived: today)")
        parser.add_argument("--end", help="the plan's end, YYYY-MM-DD (default: the scenario's, else the mandate's)")
        parser.add_argument("--format", dest="output", choices=["text", "json", "csv", "markdown"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        start = parse_day(options["start"], "--start") if options["start"] is not None else None
        end = parse_day(options["end"], "--end") if options["end"] is not None else None
        mission = Mission.objects.current().filter(code=options["mission"]).first()
        if mission is None:
            raise CommandError(_("no mission with code %(code)r") % {"code": options["mission"]})
        names = options["compare"] or [options["scenario"] or options["derived"]]
        derived_names = set(DERIVED) if options["compare"] else ({options["derived"]} - {None})
        plans = [self._plan(mission, name, name in derived_names, start, end) for name in names]
        color = options["force_color"] or (self.stdout.isatty() and not options["no_color"])
        if options["compare"]:
            self._compare(plans, options["output"], color)
            return
        plan = plans[0]
        if options["output"] == "json":
            self.stdout.write(json.dumps(plan_data(plan), indent=2, ensure_ascii=False))
        elif options["output"] == "csv":
            self.stdout.write(plan_csv(plan), ending="")
        elif options["output"] == "markdown":
            self.stdout.write(plan_markdown(plan), ending="")
        else:
            self.stdout.write(plan_text(plan, color=color), ending="")

    def _plan(self, mission: Mission, name: str, derived: bool, start: Any, end: Any) -> Plan:
        try:
            if derived:
                return build_plan(mission, derived=name, start=start or timezone.localdate(), end=end)
            return build_plan(mission, scenario=name, start=start, end=end)
        except (PlanInputError, PlanError, MissingRateError) as error:
            raise CommandError(str(error)) from None

    def _compare(self, plans: list[Plan], output: str, color: bool) -> None:
        if output == "json":
            self.stdout.write(json.dumps(comparison_data(plans), indent=2, ensure_ascii=False))
            return
        section = comparison_section(plans)
        if output == "csv":
            self.stdout.write(table_csv(section), ending="")
        elif output == "markdown":
            self.stdout.write(sections_markdown(comparison_title(plans), [section]), ending="")
        else:
            self.stdout.write(sections_text(comparison_title(plans), [section], color=color, width=120), ending="")
