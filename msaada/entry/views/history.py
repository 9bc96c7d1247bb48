"""A record's history (who changed what, when: each field old -> new) and restoring one of its versions."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from msaada.accounts.scopes import changeable, mission_or_404
from msaada.core.services import record_restore
from msaada.entry.entities import Entity
from msaada.entry.lists import PAGE_SIZE, detail_url, text_of
from msaada.entry.views.access import kind_or_404, record_context, record_or_404

CHANGE_TYPES = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}


@dataclass(frozen=True)
class FieldChange:
    """One field of a version: its label, the value before (empty for a creation) and after."""

    label: str
    old: str
    new: str


@dataclass
class Version:
    """A historical version of a record, with the fields it changed."""

    record: models.Model
    change_type: str
    changes: list[FieldChange] = field(default_factory=list)


def tracked(version: models.Model) -> list[str]:
    """Return the fields a version's changes are shown for: those a person edits, and whether it is archived."""
    return [
        f.name
        for f in version.tracked_fields
        if f.name not in ("id", "mission") and (f.editable or f.name == "archived_at")
    ]


class Names:
    """The names of records a version refers to by key, fetched in one query per reference field."""

    def __init__(self, entity: Entity, versions: list[models.Model]) -> None:
        self.entity = entity
        self.by_field: dict[str, dict[int, models.Model]] = {}
        for model_field in entity.model._meta.concrete_fields:
            if model_field.is_relation and model_field.name != "mission":
                keys = {getattr(v, model_field.attname) for v in versions} - {None}
                self.by_field[model_field.name] = model_field.related_model._default_manager.in_bulk(keys)

    def value(self, version: models.Model, name: str) -> str:
        """Return a field of a version as read; a reference by its key, without fetching it again."""
        return self.text(name, getattr(version, self.entity.model._meta.get_field(name).attname))

    def text(self, name: str, value: object) -> str:
        model_field = self.entity.model._meta.get_field(name)
        if name in self.by_field:
            related = self.by_field[name].get(value)
            return str(related) if related is not None else ("" if value is None else f"#{value}")
        return text_of(model_field, value)[0]


def _label(entity: Entity, name: str) -> str:
    return capfirst(entity.model._meta.get_field(name).verbose_name)


def versions_of(entity: Entity, page_versions: list[models.Model], before: models.Model | None) -> list[Version]:
    """Return the versions with what each changed from the one before it (the oldest on a page needs `before`)."""
    names = Names(entity, [*page_versions, *([before] if before else [])])
    shown: list[Version] = []
    older = [*page_versions[1:], before]
    for version, previous in zip(page_versions, older, strict=True):
        fields = tracked(version)
        entry = Version(version, str(CHANGE_TYPES.get(version.history_type, version.history_type)))
        if previous is None:
            for name in fields:
                new = names.value(version, name)
                if new:
                    entry.changes.append(FieldChange(_label(entity, name), "", new))
        else:
            # diff_against compares the fields a person edits; whether the record is archived is compared here.
            delta = version.diff_against(previous, included_fields=[n for n in fields if n != "archived_at"])
            changes = [(change.field, change.old, change.new) for change in delta.changes]
            if "archived_at" in fields and version.archived_at != previous.archived_at:
                changes.append(("archived_at", previous.archived_at, version.archived_at))
            for name, old, new in changes:
                entry.changes.append(FieldChange(_label(entity, name), names.text(name, old), names.text(name, new)))
        shown.append(entry)
    return shown


@login_required
@require_GET
def record_history(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    """Show every version of a record, newest first: who, when, what kind of change, each field old -> new."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind)
    record = record_or_404(request.user, entity, mission, pk)
    history = record.history.select_related("history_user", "import_batch").order_by("-history_date", "-history_id")
    page = Paginator(history, PAGE_SIZE).get_page(request.GET.get("page"))
    # One version more than the page holds, so the oldest on the page can be compared with its predecessor.
    window = list(history[page.start_index() - 1 : page.end_index() + 1]) if page.object_list else []
    page_versions, before = window[: len(page.object_list)], (window[len(page.object_list) :] or [None])[0]
    context = {
        **record_context(mission, entity, record),
        "page": page,
        "versions": versions_of(entity, page_versions, before),
        "may_change": changeable(request.user, entity.model).filter(pk=record.pk).exists(),
    }
    return render(request, "entry/history.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_restore_page(request: HttpRequest, code: str, kind: str, pk: int, history_id: int) -> HttpResponse:
    """Ask to confirm restoring a version (GET), and restore it (POST) if it passes the record's validation."""
    mission = mission_or_404(request.user, code)
    entity = kind_or_404(request.user, kind, keep=True)
    record = record_or_404(request.user, entity, mission, pk, change=True)
    version = get_object_or_404(record.history.all(), history_id=history_id)
    problems: list[str] = []
    if request.method == "POST":
        try:
            record_restore(actor=request.user, version=version, mission=mission)
        except ValidationError as refused:
            problems = _problems(entity, refused)
        else:
            messages.success(request, _("Version restored; the restore is itself a new version in the history."))
            return redirect(detail_url(mission, record))
    names = Names(entity, [version])
    values = [(_label(entity, name), names.value(version, name)) for name in tracked(version) if name != "archived_at"]
    context = {
        **record_context(mission, entity, record),
        "version": version,
        "values": values,
        "problems": problems,
    }
    return render(request, "entry/restore.html", context)


def _problems(entity: Entity, refused: ValidationError) -> list[str]:
    """Return the reasons a restore was refused, each naming its field."""
    if not hasattr(refused, "error_dict"):
        return refused.messages
    problems = []
    for name, errors in refused.message_dict.items():
        prefix = "" if name == "__all__" else f"{_label(entity, name)}: "
        problems += [prefix + message for message in errors]
    return problems
