"""The review queue: the records reported in a mission, each confirmed or rejected by an officer with a note."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from msaada.accounts.scopes import mission_or_404
from msaada.core.services import record_review
from msaada.entry.entities import entity_or_404
from msaada.entry.lists import title_of
from msaada.entry.review import reviewed_kinds, waiting

DECISIONS = {"confirm": True, "reject": False}


@login_required
@require_GET
def review_queue(request: HttpRequest, code: str) -> HttpResponse:
    """List, per kind the user reviews, the records reported in the mission that wait, oldest first."""
    mission = mission_or_404(request.user, code)
    kinds = reviewed_kinds(request.user)
    if not kinds:
        raise Http404
    queues = []
    for entity in kinds:
        records = waiting(request.user, entity, mission).select_related("reported_by", *entity.references)
        rows = [(record, title_of(entity, record)) for record in records.order_by("pk")]
        queues.append((entity, rows))
    context = {"mission": mission, "queues": queues, "total": sum(len(rows) for _entity, rows in queues)}
    return render(request, "entry/review.html", context)


@require_POST
@login_required
def review_decide(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    """Confirm or reject one reported record with a note; a record out of the user's review is not found."""
    mission = mission_or_404(request.user, code)
    entity = entity_or_404(kind)
    if entity not in reviewed_kinds(request.user):
        raise Http404
    record = get_object_or_404(waiting(request.user, entity, mission), pk=pk)
    decision, note = request.POST.get("decision", ""), request.POST.get("note", "").strip()
    if decision not in DECISIONS or not note:
        messages.error(request, _("Write a note, then confirm or reject the record."))
        return redirect("review_queue", mission.code)
    try:
        record_review(actor=request.user, record=record, mission=mission, confirm=DECISIONS[decision], note=note)
    except ValidationError as refused:
        messages.error(
            request,
            _("%(record)s stays waiting: %(problems)s")
            % {"record": title_of(entity, record), "problems": " ".join(refused.messages)},
        )
    else:
        done = _("%(record)s confirmed.") if DECISIONS[decision] else _("%(record)s rejected.")
        messages.success(request, done % {"record": title_of(entity, record)})
    return redirect("review_queue", mission.code)
