"""Write a mission's records back in the import format, so that importing them again reproduces them."""

import csv
from pathlib import Path

from django.db.models import Prefetch

from msaada.core.records import FactQuerySet
from msaada.exchange import cells
from msaada.exchange.formats import FILES, FileSpec
from msaada.exchange.identity import record_row
from msaada.missions.models import Mission
from msaada.sources.models import Citation

CHUNK = 2000


def export_records(mission: Mission, folder: Path) -> dict[str, int]:
    """Write one CSV per file that has records: the reference tables whole, the rest for this mission.

    Return the number of rows written per file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for spec in FILES:
        records = _records(spec, mission)
        if not records.exists():
            continue
        path = folder / spec.file_name
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow([column.name for column in spec.all_columns])
            count = 0
            for record in records.iterator(chunk_size=CHUNK):
                row = record_row(spec, record)
                row["source"] = ";".join(sorted(c.source.key for c in record.citations.all()))
                cells_of = [cells.export_text(row[c.field], getattr(record, c.field, None)) for c in spec.all_columns]
                writer.writerow(cells_of)
                count += 1
        written[spec.file_name] = count
    return written


def _records(spec: FileSpec, mission: Mission) -> FactQuerySet:
    records = spec.model.objects.current()
    if spec.in_mission:
        records = records.filter(mission=mission)
    elif spec.model is Mission:
        records = records.filter(pk=mission.pk)
    related = [column.field for column in spec.columns if column.refers_to]
    citations = Prefetch("citations", queryset=Citation.objects.select_related("source"))
    return records.select_related(*related).prefetch_related(citations).order_by("pk")
