"""The admin shared by every record: history on each page, archive instead of delete, citations inline."""

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


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

    def lookups(self, request, model_admin):
        return [("no", _("current")), ("yes", _("archived"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(archived_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(archived_at__isnull=True)
        return queryset


@admin.action(description=_("Archive the selected records"))
def archive(modeladmin, request, queryset):
    records = list(queryset.filter(archived_at__isnull=True))
    for record in records:  # one save each, so that history records who archived what
        record.archived_at = timezone.now()
        record.save(update_fields=["archived_at"])
    modeladmin.message_user(request, _("%(count)d archived.") % {"count": len(records)}, messages.SUCCESS)


class FactAdmin(SimpleHistoryAdmin):
    """Records are archived, never deleted, and each keeps its history and its sources."""

    inlines = [CitationInline]
    actions = [archive]
    readonly_fields = ["archived_at"]
    list_filter = [ArchivedFilter]
    list_per_page = 50

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
