"""Import in the browser: upload files, see what the import would do, then confirm or cancel.

Nothing is written before the owner confirms; the confirmation runs the import again for real,
so a row made bad by a change in between still writes nothing and is reported. Both run in the
background (uploads/tasks.py): the page shows the rows read, then the outcome.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from msaada.exchange.problems import Problem
from msaada.missions.models import Mission
from msaada.uploads import tasks
from msaada.uploads.storage import (
    CHECKED,
    IMPORTED,
    IMPORTING,
    RECEIVED,
    REJECTED,
    Upload,
    claim_files,
    discard_upload,
    find_upload,
    release_interrupted_claim,
    save_upload,
    stalled,
    store_upload,
    sweep_old_uploads,
)
from msaada.uploads.views.access import import_access
from msaada.uploads.views.form import ImportUploadForm
from msaada.uploads.views.review import importable
from msaada.uploads.views.templates import WORKBOOK_NAME

COUNTS = ("created", "updated", "unchanged")
INTERRUPTED = gettext_lazy(
    "The import of these files was interrupted before it finished, so nothing of it was written. "
    "Confirm to import them again, or cancel."
)
CHECK_INTERRUPTED = gettext_lazy(
    "The check of these files was interrupted before it finished. Confirm to check them again, or cancel."
)
SHOWN = (RECEIVED, CHECKED, IMPORTING, REJECTED, IMPORTED)


@login_required
def import_upload(request: HttpRequest, code: str) -> HttpResponse:
    """Take the files, queue their check (a dry run), and show its progress, then what the import would do."""
    mission = import_access(request, code)
    form = ImportUploadForm(request.POST, request.FILES) if request.method == "POST" else ImportUploadForm()
    if form.is_valid():
        sweep_old_uploads()
        upload = store_upload(form.cleaned_data["files"], owner=request.user.pk, mission=mission.code)
        tasks.check_upload.enqueue(upload.token, upload.owner, upload.mission)
        return redirect("import_preview", code=mission.code, token=upload.token)
    files = [
        (spec, [c.name for c in spec.all_columns if c.required], [c.name for c in spec.all_columns if not c.required])
        for spec in importable(request.user)
    ]
    return render(
        request,
        "uploads/upload.html",
        {"mission": mission, "form": form, "files": files, "workbook": WORKBOOK_NAME},
    )


@login_required
def import_preview(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Show an upload: the check or import under way, what the import would do, every bad row, or what it did."""
    mission = import_access(request, code)
    upload = _upload_or_404(request, mission, token, *SHOWN)
    if stalled(upload):
        messages.warning(request, INTERRUPTED if upload.state == IMPORTING else CHECK_INTERRUPTED)
    totals = {name: sum(outcome[name] for outcome in upload.outcomes) for name in COUNTS}
    problems = [Problem(**problem) for problem in upload.problems]
    context = {"mission": mission, "upload": upload, "totals": totals, "problems": problems}
    context["running"] = upload.state in (RECEIVED, IMPORTING) and not stalled(upload)
    context["stalled"] = stalled(upload)
    return render(request, "uploads/preview.html", context)


@login_required
def import_progress(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """The progress of the check or import under way, polled by the page; once it is over, reload the page."""
    mission = import_access(request, code)
    upload = _upload_or_404(request, mission, token, *SHOWN)
    if upload.state not in (RECEIVED, IMPORTING) or stalled(upload):
        response = HttpResponse()
        response["HX-Refresh"] = "true"  # htmx reloads the page, which shows the outcome
        return response
    return render(request, "uploads/progress.html", {"mission": mission, "upload": upload})


@require_POST
@login_required
def import_confirm(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Queue the import of the checked files for real; a Confirm sent while it runs is sent back to its page.

    Once imported, the files are gone and a Confirm answers 404. A stalled check is run again, not imported.
    """
    mission = import_access(request, code)
    upload = _upload_or_404(request, mission, token, CHECKED, RECEIVED, IMPORTING)
    if upload.state != CHECKED and not stalled(upload):
        return _being_imported(mission, upload)
    release_interrupted_claim(upload)
    task = tasks.check_upload if upload.state == RECEIVED else tasks.import_upload
    if upload.state == CHECKED:
        upload.state = IMPORTING
    upload.failed = False
    save_upload(upload)
    task.enqueue(upload.token, upload.owner, upload.mission)
    return redirect("import_preview", code=mission.code, token=upload.token)


@require_POST
@login_required
def import_cancel(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Forget a checked (or stalled) upload and its files; unless it is being checked or imported at this moment."""
    mission = import_access(request, code)
    upload = _upload_or_404(request, mission, token, CHECKED, RECEIVED, IMPORTING)
    if upload.state != CHECKED and not stalled(upload):
        return _being_imported(mission, upload)
    release_interrupted_claim(upload)
    if claim_files(upload) is None:
        return _being_imported(mission, upload)
    discard_upload(upload)
    messages.info(request, _("Import cancelled: nothing was written and the uploaded files are deleted."))
    return redirect("import_upload", code=mission.code)


def _being_imported(mission: Mission, upload: Upload) -> HttpResponse:
    """Send a second Confirm or a Cancel sent while the files are being checked or imported back to their page."""
    return redirect("import_preview", code=mission.code, token=upload.token)


def _upload_or_404(request: HttpRequest, mission: Mission, token: str, *states: str) -> Upload:
    """Return the user's upload for this mission in one of these states; anyone else's answers 404 alike."""
    upload = find_upload(token, owner=request.user.pk, mission=mission.code)
    if upload is None or upload.state not in states:
        raise Http404
    return upload
