"""Import in the browser: upload files, see what the import would do, then confirm or cancel.

Nothing is written before the owner confirms; the confirmation runs the import again for real,
so a row made bad by a change in between still writes nothing and is reported.
"""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from msaada.exchange.problems import Problem
from msaada.missions.models import Mission
from msaada.uploads.storage import (
    CHECKED,
    IMPORTED,
    REJECTED,
    Upload,
    claim_files,
    claimed_at,
    discard_upload,
    drop_files,
    find_upload,
    release_interrupted_claim,
    save_upload,
    store_upload,
    sweep_old_uploads,
    waiting_paths,
)
from msaada.uploads.views.access import import_access
from msaada.uploads.views.form import ImportUploadForm
from msaada.uploads.views.review import Review, importable, review_upload
from msaada.uploads.views.templates import WORKBOOK_NAME

COUNTS = ("created", "updated", "unchanged")
INTERRUPTED = gettext_lazy(
    "The import of these files was interrupted before it finished, so nothing of it was written. "
    "Confirm to import them again, or cancel."
)
SHOWN_PROBLEMS = 1000  # a page a person can read; a file wrong throughout is fixed long before its last line


@login_required
def import_upload(request: HttpRequest, code: str) -> HttpResponse:
    """Take the files, check them with a dry run, and show what the import would do."""
    mission = import_access(request, code)
    form = ImportUploadForm(request.POST, request.FILES) if request.method == "POST" else ImportUploadForm()
    if form.is_valid():
        sweep_old_uploads()
        upload = store_upload(form.cleaned_data["files"], owner=request.user.pk, mission=mission.code)
        _keep(upload, review_upload(waiting_paths(upload), request.user, mission.code, dry_run=True), CHECKED)
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
    """Show an upload: what the import would do, every bad row, or what it did."""
    mission = import_access(request, code)
    upload = _upload_or_404(request, mission, token, CHECKED, REJECTED, IMPORTED)
    if upload.state == CHECKED and release_interrupted_claim(upload):
        messages.warning(request, INTERRUPTED)
    totals = {name: sum(outcome[name] for outcome in upload.outcomes) for name in COUNTS}
    problems = [Problem(**problem) for problem in upload.problems]
    context = {"mission": mission, "upload": upload, "totals": totals, "problems": problems}
    context["importing"] = upload.state == CHECKED and claimed_at(upload) is not None
    return render(request, "uploads/preview.html", context)


@require_POST
@login_required
def import_confirm(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Import the checked files for real, once: the files are gone afterwards, so a second confirm answers 404."""
    mission = import_access(request, code)
    upload, paths = _claimed(request, mission, token)
    if paths is None:
        return _being_imported(mission, upload)
    try:
        review = review_upload(paths, request.user, mission.code, dry_run=False)
    finally:
        drop_files(upload)
    _keep(upload, review, IMPORTED)
    return redirect("import_preview", code=mission.code, token=upload.token)


@require_POST
@login_required
def import_cancel(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Forget a checked upload and its files; unless it is being imported at this moment."""
    mission = import_access(request, code)
    upload, paths = _claimed(request, mission, token)
    if paths is None:
        return _being_imported(mission, upload)
    discard_upload(upload)
    messages.info(request, _("Import cancelled: nothing was written and the uploaded files are deleted."))
    return redirect("import_upload", code=mission.code)


def _claimed(request: HttpRequest, mission: Mission, token: str) -> tuple[Upload, list[Path] | None]:
    """Return the user's checked upload and its files, taken for this request; None while an import holds them.

    The files of an import that was interrupted (it wrote nothing) are given back to the upload first.
    """
    upload = _upload_or_404(request, mission, token, CHECKED)
    release_interrupted_claim(upload)
    return upload, claim_files(upload)


def _being_imported(mission: Mission, upload: Upload) -> HttpResponse:
    """Send a second Confirm or a Cancel sent while the files are being imported back to the upload's page."""
    return redirect("import_preview", code=mission.code, token=upload.token)


def _upload_or_404(request: HttpRequest, mission: Mission, token: str, *states: str) -> Upload:
    """Return the user's upload for this mission in one of these states; anyone else's answers 404 alike."""
    upload = find_upload(token, owner=request.user.pk, mission=mission.code)
    if upload is None or upload.state not in states:
        raise Http404
    return upload


def _keep(upload: Upload, review: Review, state: str) -> None:
    """Record what checking or importing found; files with a bad row are deleted at once, as they cannot be used."""
    upload.outcomes, upload.problems = review.outcomes, review.problems[:SHOWN_PROBLEMS]
    upload.problem_count = review.count
    upload.state = REJECTED if review.problems else state
    if review.problems:
        drop_files(upload)
    save_upload(upload)
