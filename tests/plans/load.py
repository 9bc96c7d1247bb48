"""Put a mission's import rows into the database: `msaada import` for the records, the plans' rows beside them.

The plans' files (cost_models.csv ... planned_contracts.csv) are written as records here, row by row through
full_clean, with references resolved by natural key as the import resolves them.
"""

import csv
import tempfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from msaada.finance.models import Fund, Organization
from msaada.forces.models import Contributor
from msaada.logistics.models import ServiceLine
from msaada.missions.models import Mission
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from tests.readiness.oracle import Rows

PLANS_FILES = (
    "cost_models.csv",
    "cost_lines.csv",
    "scenarios.csv",
    "targets.csv",
    "planned_flows.csv",
    "planned_contracts.csv",
)


def write(folder: Path, files: Rows) -> Path:
    """Write the files as CSV into the folder and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        if rows:
            with (folder / name).open("w", encoding="utf-8", newline="") as file:
                writer = csv.DictWriter(file, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
    return folder


def _save(record):
    record.full_clean()
    record.save()
    return record


def load(files: Rows, code: str) -> Mission:
    """Import the records' files for the mission, then write its plans' rows; return the mission."""
    records = {name: rows for name, rows in files.items() if name not in PLANS_FILES}
    with tempfile.TemporaryDirectory() as folder:
        call_command("import", write(Path(folder, code), records), mission=code, stdout=StringIO())
    mission = Mission.objects.get(code=code)
    models = {
        row["key"]: _save(CostModel(mission=mission, key=row["key"], name=row["name"], effective=row["effective"]))
        for row in files.get("cost_models.csv", [])
    }
    for row in files.get("cost_lines.csv", []):
        line = (
            ServiceLine.objects.get_or_create(mission=mission, name=row["service_line"])[0]
            if row["service_line"]
            else None
        )
        _save(
            CostLine(
                mission=mission,
                cost_model=models[row["model"]],
                budget_line=row["budget_line"],
                basis=row["basis"],
                amount=Decimal(row["amount"]),
                currency=row["currency"],
                channel=row["channel"],
                rotation_months=int(row["rotation_months"]) if row["rotation_months"] else None,
                service_line=line,
                lead_days=int(row["lead_days"]) if row["lead_days"] else None,
            )
        )
    scenarios = {
        row["name"]: _save(
            Scenario(
                mission=mission,
                name=row["name"],
                start=row["start"],
                end=row["end"] or None,
                cost_model=models[row["cost_model"]] if row["cost_model"] else None,
                notes=row.get("notes", ""),
            )
        )
        for row in files.get("scenarios.csv", [])
    }
    for row in files.get("targets.csv", []):
        _save(
            Target(
                mission=mission,
                scenario=scenarios[row["scenario"]],
                contributor=Contributor.objects.get_or_create(code=row["contributor"])[0],
                category=row["category"],
                date=row["date"],
                strength=int(row["strength"]),
            )
        )
    for row in files.get("planned_flows.csv", []):
        _save(
            PlannedFlow(
                mission=mission,
                scenario=scenarios[row["scenario"]],
                fund=Fund.objects.get(mission=mission, key=row["fund"]),
                donor=Organization.objects.get(key=row["donor"]),
                stage=row["stage"],
                amount=Decimal(row["amount"]),
                currency=row["currency"],
                date=row["date"],
            )
        )
    for row in files.get("planned_contracts.csv", []):
        _save(
            PlannedContract(
                mission=mission,
                scenario=scenarios[row["scenario"]],
                service_line=ServiceLine.objects.get_or_create(mission=mission, name=row["service_line"])[0],
                vendor=row["vendor"],
                start=row["start"],
                end=row["end"],
                capacity=int(row["capacity"]),
                value=Decimal(row["value"]),
                currency=row["currency"],
            )
        )
    return mission
