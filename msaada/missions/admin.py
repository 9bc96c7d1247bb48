from django.contrib import admin

from msaada.core.admin import FactAdmin
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus


@admin.register(Mission)
class MissionAdmin(FactAdmin):
    list_display = ["code", "name", "host_country", "lead_country", "base_currency"]
    search_fields = ["code", "name"]


@admin.register(Mandate)
class MandateAdmin(FactAdmin):
    list_display = ["authority", "mission", "start", "end", "authorized_strength"]
    list_filter = [*FactAdmin.list_filter, "mission"]
    date_hierarchy = "start"


@admin.register(Site)
class SiteAdmin(FactAdmin):
    list_display = ["name", "mission", "kind", "latitude", "longitude"]
    list_filter = [*FactAdmin.list_filter, "mission", "kind"]
    search_fields = ["name"]


@admin.register(SiteStatus)
class SiteStatusAdmin(FactAdmin):
    list_display = ["site", "date", "status"]
    list_filter = [*FactAdmin.list_filter, "status", "mission"]
    list_select_related = ["site"]


@admin.register(Incident)
class IncidentAdmin(FactAdmin):
    list_display = ["event_date", "event_type", "location", "fatalities", "mission"]
    list_filter = [*FactAdmin.list_filter, "event_type", "mission"]
    search_fields = ["location", "actor1", "notes"]
    date_hierarchy = "event_date"
