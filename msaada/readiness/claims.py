"""Read the claims of other sources on the records a brief may rest on: deployments, pledges, mandates.

At most five queries, whatever the data size: the claims, their sources, and the records of each kind
they name (with, for pledges, which ones the brief counts).
"""

from collections import defaultdict
from datetime import date

from django.db.models import QuerySet

from msaada.core.identity import cell
from msaada.forces.models import Deployment, Pledge
from msaada.missions.models import Mandate, Mission
from msaada.readiness import selectors
from msaada.readiness.citations import citations_of
from msaada.readiness.rows import ClaimRow
from msaada.sources.models import Citation, Claim

KINDS = {"deployments": Deployment, "pledges": Pledge, "mandates": Mandate}


def claims_as_of(mission: Mission, as_of: date, mandate_pk: int | None) -> tuple[ClaimRow, ...]:
    """Return the mission's current claims on its current deployments, pledges and mandates, in claim order."""
    claims = list(
        Claim.objects.current()
        .filter(mission=mission, file__in=KINDS)
        .values("pk", "file", "record", "field", "value", "note", "object_id")
        .order_by("file", "record", "field", "pk")
    )
    if not claims:
        return ()
    sources: dict[int, list[str]] = defaultdict(list)
    cited = Citation.objects.filter(
        citations_of(Claim, [claim["pk"] for claim in claims]), source__archived_at__isnull=True
    )
    for object_id, key in cited.order_by("source__key").values_list("object_id", "source__key"):
        sources[object_id].append(key)
    records: dict[tuple[str, int], ClaimRow] = {}
    for file, model in KINDS.items():
        ids = [claim["object_id"] for claim in claims if claim["file"] == file]
        if ids:
            records |= _records(
                file, model.objects.current().filter(mission=mission, pk__in=ids), mission, as_of, mandate_pk
            )
    found = []
    for claim in claims:
        row = records.get((claim["file"], claim["object_id"]))
        if row is None:
            continue
        found.append(
            ClaimRow(
                file=claim["file"],
                record=claim["record"],
                field=claim["field"],
                value=claim["value"],
                note=claim["note"],
                sources=tuple(sources[claim["pk"]]),
                recorded=row.recorded,
                subject=row.subject,
                in_use=row.in_use,
            )
        )
    return tuple(found)


def _records(
    file: str, records: QuerySet, mission: Mission, as_of: date, mandate_pk: int | None
) -> dict[tuple[str, int], ClaimRow]:
    """Return each record as the claim row's recorded part: its fields as its file writes them."""
    counted: set[int] = set()
    if file == "pledges":
        counted = set(
            selectors.latest_pledges(mission, as_of).filter(pk__in=records.values("pk")).values_list("pk", flat=True)
        )
    model = records.model
    columns = [name for name in model.record_file.columns if name != "ref"]
    related = [name for name in columns if model._meta.get_field(name).is_relation]
    rows = {}
    for record in records.select_related(*related):
        in_use = {"pledges": record.pk in counted, "mandates": record.pk == mandate_pk}.get(file, True)
        recorded = tuple((name, cell(record, name)) for name in columns)
        subject = cell(record, "contributor") if "contributor" in columns else None
        rows[(file, record.pk)] = ClaimRow(file, "", "", "", "", (), recorded, subject, in_use)
    return rows
