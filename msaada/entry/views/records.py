"""One record: its page (fields, sources cited, links), its form (new and edit), and archiving it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from msaada.accounts.scopes import changeable, mission_or_404
from msaada.core.services import record_archive, record_save
from msaada.entry.entities import BY_MODEL, ENTITIES, Entity
from msaada.entry.forms import form_class
from msaada.entry.lists import detail_url, shown
from msaada.entry.money import missing_rates, rate_help, record_in_base
from msaada.entry.views.access import kind_or_404, open_kinds, record_context, record_or_404
from msaada.missions.models import Mission


@dataclass(frozen=True)
class Line:
    """A field of the record page: its label, its value as read, and where it links."""

    label: str
    text: str
    url: str = ""


def _lines(entity: Entity, record: models.Model, mission: Mission, linked: frozenset[str]) -> list[Line]:
    lines = []
    names = [*entity.fields, *(["archived_at"] if getattr(record, "archived_at", None) else [])]
    for name in names:
        field = entity.model._meta.get_field(name)
        text, _number = shown(record, name)
        url = ""
        related = getattr(record, name) if field.is_relation else None
        if related is not None and BY_MODEL[field.related_model].slug in linked:
            url = detail_url(mission, related)
        elif isinstance(field, models.URLField):
            url = text
        lines.append(Line(capfirst(field.verbose_name), text, url))
    return lines


def _related_lists(entity: Entity, record: models.Model, mission: Mission, linked: frozenset[str]) -> list[Line]:
    """Return links to the lists of records that refer to this one: a fund's flows, a site's statuses."""
    links = []
    for other in ENTITIES:
        for name in other.filters:
            field = other.model._meta.get_field(name)
            if field.is_relation and field.related_model is entity.model and other.slug in linked:
                url = reverse("record_list", args=[mission.code, other.slug]) + "?" + urlencode({name: record.pk})
                links.append(Line(capfirst(other.title), "", url))
    return links


@login_required
@require_GET
def record_detail(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    """Show a record: its fields, the sources it cites, and what the user may do with it."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind)
    record = record_or_404(request.user, entity, mission, pk)
    linked = open_kinds(request.user)
    citations = record.citations.select_related("source").order_by("source__key") if entity.archivable else []
    context = {
        **record_context(mission, entity, record),
        "lines": _lines(entity, record, mission, linked),
        "citations": citations,
        "sources_open": "sources" in linked,
        "rates_open": "fx-rates" in linked,
        "related": _related_lists(entity, record, mission, linked),
        "may_change": changeable(request.user, entity.model).filter(pk=record.pk).exists(),
        "in_base": record_in_base(record, mission),
    }
    if context["in_base"] is not None and context["in_base"].missing is not None:
        context.update(rate_help(request.user, [context["in_base"].missing]))
    if context["may_change"] and getattr(record, "archived_at", None):
        # Restoring the latest version brings the record back as it was when archived.
        context["restore_id"] = record.history.order_by("-history_date", "-history_id").first().history_id
    return render(request, "entry/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """Create a record of a kind the user keeps, in this mission."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind, keep=True)
    return _form_page(request, mission, entity, entity.model())


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    """Change a record the user may change."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind, keep=True)
    return _form_page(request, mission, entity, record_or_404(request.user, entity, mission, pk, change=True))


def _form_page(request: HttpRequest, mission: Mission, entity: Entity, record: models.Model) -> HttpResponse:
    creating = record.pk is None
    data = request.POST if request.method == "POST" else None
    # A new record's fields may come filled in from the link that leads here ("add the missing rate").
    initial = {name: request.GET[name] for name in entity.fields if name in request.GET} if creating else {}
    form = form_class(entity)(data, instance=record, initial=initial, entity=entity, user=request.user, mission=mission)
    if form.is_bound and form.is_valid():
        try:
            record_save(actor=request.user, record=form.instance, mission=mission, sources=form.sources)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Record saved.") if creating else _("Changes saved."))
            return redirect(detail_url(mission, form.instance))
    if creating:
        form.instance.pk = None  # a save rolled back by a rule leaves no record behind
    context = {**record_context(mission, entity, record), "form": form, "creating": creating}
    if "currency" in form.errors:
        context.update(rate_help(request.user, missing_rates(form.instance, mission)))
    return render(request, "entry/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_archive_page(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    """Ask to confirm archiving a record (GET), and archive it (POST); it stays listed under "archived"."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind, keep=True)
    record = record_or_404(request.user, entity, mission, pk, change=True)
    if not entity.archivable or record.archived_at is not None:
        raise Http404
    problems: list[str] = []
    if request.method == "POST":
        try:
            record_archive(actor=request.user, record=record, mission=mission)
        except ValidationError as refused:
            record.archived_at = None
            problems = refused.messages
        else:
            messages.success(request, _("Record archived. It stays listed under the archived records."))
            return redirect(detail_url(mission, record))
    context = {**record_context(mission, entity, record), "problems": problems}
    return render(request, "entry/archive.html", context)
