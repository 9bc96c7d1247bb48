"""`msaada brief`: print a mission's brief as of a date, as text, JSON or Markdown."""

import json
import re
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from msaada.finance.money import MissingRateError
from msaada.missions.models import Mission
from msaada.readiness.brief import brief_json, build_brief
from msaada.readiness.presenters import brief_markdown, brief_text

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str, option: str = "--as-of") -> date:
    """Return the date written YYYY-MM-DD, or raise CommandError naming the option and saying what is wrong."""
    try:
        if ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise CommandError(
        _("%(option)s %(value)r is not a date of the form YYYY-MM-DD") % {"option": option, "value": value}
    )


class Command(BaseCommand):
    help = "Print a mission's brief as of a date: mandate, strength, funding, life support, sites, risks, sources."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mission", required=True, help="the mission's code, e.g. mss-haiti")
        parser.add_argument("--as-of", dest="as_of", help="the date of the brief, YYYY-MM-DD (default: today)")
        parser.add_argument("--format", dest="output", choices=["text", "json", "markdown"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        # An empty --as-of is a bad date, not today's: only a missing one defaults to today.
        as_of = parse_day(options["as_of"]) if options["as_of"] is not None else timezone.localdate()
        mission = Mission.objects.current().filter(code=options["mission"]).first()
        if mission is None:
            raise CommandError(_("no mission with code %(code)r") % {"code": options["mission"]})
        try:
            brief = build_brief(mission, as_of)
        except MissingRateError as error:
            raise CommandError(str(error)) from None
        if options["output"] == "json":
            self.stdout.write(json.dumps(brief_json(brief), indent=2, ensure_ascii=False))
        elif options["output"] == "markdown":
            self.stdout.write(brief_markdown(brief), ending="")
        else:
            color = options["force_color"] or (self.stdout.isatty() and not options["no_color"])
            self.stdout.write(brief_text(brief, color=color), ending="")
