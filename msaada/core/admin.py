"""The admin shared by every record: history on each page, archive instead of delete, citations inline.

The admin writes through the write services (core/services.py) and validates with the same rules as
every other way in: a rule broken shows next to its field, and nothing is written.
"""

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from msaada.core.constraints import MissionRecord
from msaada.core.rules import row_findings
from msaada.core.services import check_write, record_archive, record_save

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class CitationInline(GenericTabularInline):
    # Named, not imported: every record cites sources, and the sources app builds on this one.
    model = apps.get_model("sources", "Citation")
    extra = 0
    autocomplete_fields = ["source"]
    verbose_name = _("source cited")
    verbose_name_plural = _("sources cited")


class ArchivedFilter(admin.SimpleListFilter):
    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, "StrOrPromise"]]:
        return [("no", _("current")), ("yes", _("archived"))]

    def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
        if self.value() == "yes":
            return queryset.filter(archived_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(archived_at__isnull=True)
        return queryset


def mission_of(record: models.Model) -> models.Model | None:
    """Return the mission a record belongs to, or None for a record of no mission (or none chosen yet)."""
    if getattr(record, "mission_id", None) is None:
        return None
    return cast(MissionRecord, record).mission  # a record with a mission_id has its mission


def staff_of(request: HttpRequest) -> AbstractBaseUser:
    """Return the user of an admin request: the admin site lets only signed-in staff in."""
    if not isinstance(request.user, AbstractBaseUser):
        raise PermissionDenied
    return request.user


class GateForm(forms.ModelForm):
    """An admin form that checks the model's rules, those after the write included, next to their fields."""

    actor = None  # the user of the request, set on the form class each request builds

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # django-stubs omit BaseModelForm._post_clean
        mission = mission_of(self.instance)
        for finding in row_findings(self.instance, mission=mission, invalid=self.errors):
            self.add_error(finding.field, finding.message)
        if not self.errors:
            try:
                check_write(self.instance, actor=self.actor, mission=mission)
            except ValidationError as broken:
                self.add_error(None, broken)


@admin.action(description=_("Archive the selected records"))
def archive(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: models.QuerySet) -> None:
    archived = 0
    for record in queryset.filter(archived_at__isnull=True):  # one write each, so history records who did what
        try:
            record_archive(actor=staff_of(request), record=record, mission=mission_of(record))
        except ValidationError as refused:
            problems = "; ".join(refused.messages)
            message = _("Not archived: %(record)s (%(problems)s)") % {"record": record, "problems": problems}
            modeladmin.message_user(request, message, messages.ERROR)
        else:
            archived += 1
    modeladmin.message_user(request, _("%(count)d archived.") % {"count": archived}, messages.SUCCESS)


class FactAdmin(SimpleHistoryAdmin):
    """Records are archived, never deleted, and each keeps its history and its sources."""

    inlines = [CitationInline]
    actions = [archive]
    readonly_fields = ["archived_at"]
    list_filter = [ArchivedFilter]
    list_per_page = 50
    form = GateForm

    @csrf_protect_m
    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # The write service holds its own durable transaction, so the page may not open one around it.
        return self._changeform_view(request, object_id, form_url, extra_context)

    def get_form(
        self, request: HttpRequest, obj: models.Model | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.actor = request.user
        return form

    def save_model(self, request: HttpRequest, obj: models.Model, form: forms.ModelForm, change: bool) -> None:
        obj._history_user = request.user  # type: ignore[attr-defined]  # simple_history reads it, untyped
        record_save(actor=staff_of(request), record=obj, mission=mission_of(obj))

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False
