"""Empty files of the import format to fill in: one CSV per file, or one workbook with a sheet per file.

Each starts with the header row in the order the exporter writes it, then a row of HXL hashtags
(https://hxlstandard.org), which the importer skips, so that the same sheet can be shared with
humanitarian tools that read HXL.
"""

import csv
import io

import openpyxl
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from msaada.exchange import cells
from msaada.exchange.formats import FILES_BY_NAME, FileSpec
from msaada.uploads.views.access import import_access
from msaada.uploads.views.review import importable

WORKBOOK_NAME = "msaada-import.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The hashtag of a column, whatever its file, unless HXL_OF_FILE names a closer one.
HXL = {
    "ref": "#meta+id",
    "source": "#meta+source",
    "date": "#date",
    "start": "#date+start",
    "end": "#date+end",
    "kind": "#meta+type",
    "name": "#meta+name",
    "currency": "#currency",
    "amount": "#value",
    "value": "#value",
    "fund": "#org+fund+code",
    "contributor": "#country+code+contributor",
    "category": "#group+personnel",
    "count": "#indicator+num",
    "status": "#status",
    "latitude": "#geo+lat",
    "longitude": "#geo+lon",
    "country": "#country+code",
}
HXL_OF_FILE = {
    "sources": {"key": "#meta+source+code", "title": "#meta+title", "publisher": "#org+publisher", "url": "#meta+url"},
    "missions": {
        "code": "#operations+code",
        "name": "#operations+name",
        "host_country": "#country+code+host",
        "lead_country": "#country+code+lead",
        "base_currency": "#currency+base",
    },
    "organizations": {"key": "#org+code", "name": "#org+name", "kind": "#org+type"},
    "funds": {
        "key": "#org+fund+code",
        "name": "#org+fund+name",
        "manager": "#org+manager+code",
        "kind": "#org+fund+type",
    },
    "fx_rates": {"per_usd": "#value+rate+usd"},
    "mandates": {"authority": "#meta+authority", "authorized_strength": "#indicator+strength+authorized"},
    "pledges": {"count": "#indicator+pledged+num"},
    "deployments": {"unit": "#org+unit", "change": "#status+movement", "count": "#indicator+deployed+num"},
    "flows": {"ref": "#meta+contribution+id", "donor": "#org+donor+code", "stage": "#status+stage"},
    "expenditures": {"budget_line": "#sector+budget"},
    "contracts": {
        "service_line": "#service",
        "vendor": "#org+vendor+name",
        "funder": "#org+funder+code",
        "capacity": "#capacity",
    },
    "assets": {
        "kind": "#item+type",
        "owner": "#org+owner+code",
        "total": "#item+total+num",
        "operational": "#item+operational+num",
    },
    "sites": {"name": "#loc+name", "kind": "#loc+type"},
    "site_status": {"site": "#loc+name"},
    "incidents": {
        "event_date": "#date+occurred",
        "event_type": "#event+type",
        "sub_event_type": "#event+type+sub",
        "actor1": "#group+actor",
        "admin1": "#adm1+name",
        "location": "#loc+name",
        "fatalities": "#affected+killed",
        "notes": "#description",
    },
    "cost_models": {"key": "#meta+cost_model+code", "name": "#meta+cost_model+name", "effective": "#date+effective"},
    "cost_lines": {
        "model": "#meta+cost_model+code",
        "budget_line": "#sector+budget",
        "basis": "#meta+basis",
        "channel": "#meta+channel",
        "rotation_months": "#indicator+rotation+months",
        "service_line": "#service",
        "lead_days": "#indicator+lead+days",
    },
    "scenarios": {
        "name": "#meta+scenario+name",
        "cost_model": "#meta+cost_model+code",
        "notes": "#description",
    },
    "targets": {"scenario": "#meta+scenario+name", "strength": "#indicator+strength+target"},
    "planned_flows": {"scenario": "#meta+scenario+name", "donor": "#org+donor+code", "stage": "#status+stage+planned"},
    "planned_contracts": {
        "scenario": "#meta+scenario+name",
        "service_line": "#service",
        "vendor": "#org+vendor+name",
        "capacity": "#capacity+planned",
    },
    "claims": {
        "file": "#meta+file",
        "record": "#meta+record+id",
        "field": "#meta+field",
        "value": "#value+claimed",
        "note": "#description",
    },
}


def hxl_tag(spec: FileSpec, column: str) -> str:
    return HXL_OF_FILE.get(spec.name, {}).get(column) or HXL[column]


def header_rows(spec: FileSpec) -> tuple[list[str], list[str]]:
    """Return the header row and the HXL row of a file."""
    names = [column.name for column in spec.all_columns]
    return names, [hxl_tag(spec, name) for name in names]


def template_csv(spec: FileSpec) -> bytes:
    """Return the file's template as CSV, with the BOM that makes Excel read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(header_rows(spec))
    return "\ufeff".encode() + out.getvalue().encode()


def template_workbook(specs: list[FileSpec]) -> bytes:
    """Return one workbook with a sheet per file, named as the importer expects, dates typed as dates."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for spec in specs:
        sheet = workbook.create_sheet(spec.name)
        for row in header_rows(spec):
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(spec.all_columns, start=1):
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = max(14, len(column.name) + 4)
            if column.parse is cells.parse_date:
                dimension.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@login_required
def import_template(request: HttpRequest, code: str, file_name: str) -> HttpResponse:
    """Send the empty CSV of one file, or the workbook of every file the user may import."""
    import_access(request, code)
    specs = importable(request.user)
    if file_name == WORKBOOK_NAME:
        return _attachment(template_workbook(specs), WORKBOOK_NAME, XLSX_TYPE)
    spec = FILES_BY_NAME.get(file_name.removesuffix(".csv")) if file_name.endswith(".csv") else None
    if spec is None or spec not in specs:
        raise Http404
    return _attachment(template_csv(spec), spec.file_name, "text/csv; charset=utf-8")


def _attachment(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
