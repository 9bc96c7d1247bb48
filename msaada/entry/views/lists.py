"""The records index, a kind's list (filters, search, sort, pages) and its CSV and XLSX exports."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

import openpyxl
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from msaada.accounts.scopes import may_keep, mission_or_404
from msaada.core.fields import ScaledDecimalField
from msaada.entry.counted import strength_total
from msaada.entry.entities import ENTITIES, Entity
from msaada.entry.lists import (
    PAGE_SIZE,
    RecordFilterSet,
    export_header,
    export_rows,
    filterset_class,
    may_see,
    records_of,
    row_cells,
    searched,
    sort_key,
    sorted_records,
)
from msaada.entry.money import list_totals, rate_help
from msaada.entry.views.access import kind_or_404, open_kinds
from msaada.missions.models import Mission

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def record_index(request: HttpRequest, code: str) -> HttpResponse:
    """List the kinds of record the user may see, by area, with how many current records each holds."""
    mission = mission_or_404(request.user, code)
    kinds = []
    for entity in ENTITIES:
        if may_see(request.user, entity.model):
            records = records_of(request.user, entity, mission)
            if entity.archivable:
                records = records.filter(archived_at__isnull=True)
            kinds.append((entity, records.count(), may_keep(request.user, entity.model)))
    if not kinds:
        raise Http404  # an observer has no record to open: the records are not there for them
    return render(request, "entry/index.html", {"mission": mission, "kinds": kinds})


@dataclass(frozen=True)
class Header:
    """A column heading; a sortable one links to the list sorted by it (again: the other way round)."""

    label: str
    number: bool
    sort: str = ""
    direction: str = ""


def filtered(request: HttpRequest, entity: Entity, mission: Mission) -> tuple[RecordFilterSet, models.QuerySet, str]:
    """Return the list's filters, the records left by them and the search, in order, and the sort applied."""
    filterset = filterset_class(entity)(
        request.GET, records_of(request.user, entity, mission), user=request.user, mission=mission
    )
    records = searched(entity, filterset.qs, request.GET.get("q", ""))
    key = sort_key(entity, request.GET.get("sort", ""))
    return filterset, sorted_records(entity, records, key), key


def _headers(entity: Entity, key: str) -> list[Header]:
    headers = []
    for name in entity.columns:
        field = entity.model._meta.get_field(name)
        number = isinstance(field, models.IntegerField | ScaledDecimalField) and not field.choices
        number = number and not field.is_relation
        label = capfirst(field.verbose_name)
        if name not in entity.sortable:
            headers.append(Header(label, number))
        elif key == name:
            headers.append(Header(label, number, f"-{name}", "ascending"))
        elif key == f"-{name}":
            headers.append(Header(label, number, name, "descending"))
        else:
            headers.append(Header(label, number, name))
    return headers


@login_required
@require_GET
def record_list(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """List a kind's records: filtered, searched, sorted by a column, 50 to a page."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind)
    filterset, records, key = filtered(request, entity, mission)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    linked = open_kinds(request.user)
    rows = [(record, row_cells(entity, record, mission, linked)) for record in page.object_list]
    totals = list_totals(records, mission)
    context = {
        "mission": mission,
        "entity": entity,
        "filterset": filterset,
        "q": request.GET.get("q", ""),
        "sort": key,
        "headers": _headers(entity, key),
        "page": page,
        "rows": rows,
        "may_create": may_keep(request.user, entity.model),
        "totals": totals,
        "strength_total": strength_total(records),
    }
    if totals is not None and totals.missing is not None:
        context.update(rate_help(request.user, [totals.missing]))
    return render(request, "entry/list.html", context)


class _Line:
    """A file-like object that hands back what csv.writer writes, so rows can be streamed."""

    def write(self, text: str) -> str:
        return text


def _csv_lines(entity: Entity, records: models.QuerySet) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\n")
    yield writer.writerow(export_header(entity))
    for row in export_rows(entity, records):
        yield writer.writerow(row)


def _file_name(entity: Entity, extension: str) -> str:
    return f"{entity.spec.name if entity.spec else entity.slug}.{extension}"


@login_required
@require_GET
def record_export_csv(request: HttpRequest, code: str, kind: str) -> StreamingHttpResponse:
    """Stream the filtered list as CSV, in the import format where the kind has one, so it imports back."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind)
    _filterset, records, _key = filtered(request, entity, mission)
    response = StreamingHttpResponse(_csv_lines(entity, records), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(entity, "csv")}"'
    return response


@login_required
@require_GET
def record_export_xlsx(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """Send the filtered list as a workbook whose one sheet is named like the import format's file."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind)
    _filterset, records, _key = filtered(request, entity, mission)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(entity.spec.name if entity.spec else entity.slug)
    sheet.append(export_header(entity))
    for row in export_rows(entity, records):
        sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(entity, "xlsx")}"'
    return response
