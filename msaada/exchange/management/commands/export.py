"""`msaada export --mission CODE -o PATH`: the records in the import format, or `--format` a standard's file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msaada.exchange.exporter import export_records
from msaada.exchange.standards.registry import STANDARDS
from msaada.missions.models import Mission


class Command(BaseCommand):
    help = "Write a mission's records as CSV files of the import format, ready to import again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mission", required=True, help="code of the mission")
        parser.add_argument(
            "-o", "--output", required=True, type=Path, help="folder of the import format, or the standard's file"
        )
        parser.add_argument(
            "--format", default="csv", choices=["csv", *STANDARDS], help="csv (the import format) or a standard"
        )

    def handle(self, *args: Any, mission: str, output: Path, format: str, **options: Any) -> None:
        found = Mission.objects.filter(code=mission).first()
        if found is None:
            raise CommandError(f"--mission: unknown mission {mission!r}")
        if format != "csv":
            standard = STANDARDS[format]
            output.write_bytes(standard.write(found))
            self.stdout.write(f"{output}: {found.code} as {standard.title}")
            return
        written = export_records(found, output)
        for name, count in written.items():
            self.stdout.write(f"{output / name}: {count} rows")
        self.stdout.write(f"exported {sum(written.values())} rows in {len(written)} files to {output}")
