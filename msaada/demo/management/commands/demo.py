"""`msaada demo`: build the Haiti demo database from its CSV files, print the mission brief and the GSF plan."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from msaada.exchange.importer import ImportFailed, import_records

DEMO = Path(__file__).resolve().parents[3] / "demo" / "haiti"
MISSIONS = (("MSS", DEMO / "mss"), ("GSF", DEMO / "gsf"))
BRIEF_DATE = "2025-09-23"
# The Gang Suppression Force's build-up to its authorized strength (gsf/scenarios.csv), printed after the brief.
PLAN = "build-up"


class Command(BaseCommand):
    help = "Build the Haiti demo database through the import (again and again: it changes nothing) and print its brief."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--as-of", default=BRIEF_DATE, help=f"date of the brief (default {BRIEF_DATE})")
        parser.add_argument("--no-brief", action="store_true", help="build the database only")

    def handle(self, *args, as_of: str, no_brief: bool, **options) -> None:
        call_command("migrate", verbosity=0, interactive=False)
        for code, folder in MISSIONS:
            try:
                outcomes = import_records([folder], code, reason="by msaada demo")
            except ImportFailed as failed:
                raise CommandError("the demo data does not import:\n" + "\n".join(map(str, failed.problems))) from None
            created = sum(o.created for o in outcomes)
            updated = sum(o.updated for o in outcomes)
            unchanged = sum(o.unchanged for o in outcomes)
            self.stdout.write(f"{code}: {created} created, {updated} updated, {unchanged} unchanged ({folder})")
        if not no_brief:
            call_command("brief", "--mission", "MSS", "--as-of", as_of, stdout=self.stdout)
            self.stdout.write("")
            call_command("plan", "--mission", "GSF", "--scenario", PLAN, stdout=self.stdout)
