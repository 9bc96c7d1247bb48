from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from msaada.core.admin import FactAdmin
from msaada.sources.models import Citation, Claim, Source


@admin.register(Source)
class SourceAdmin(FactAdmin):
    list_display = ["key", "title", "publisher", "date", "kind"]
    list_filter = [*FactAdmin.list_filter, "kind"]
    search_fields = ["key", "title", "publisher"]


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["source", "content_type", "object_id"]
    list_filter = ["content_type"]
    search_fields = ["source__key"]
    autocomplete_fields = ["source"]


@admin.register(Claim)
class ClaimAdmin(FactAdmin):
    list_display = ["file", "record", "field", "value", "mission"]
    list_filter = [*FactAdmin.list_filter, "file", "mission"]
    search_fields = ["record", "field", "value", "note"]
