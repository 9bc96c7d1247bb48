from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from msaada.core.admin import FactAdmin
from msaada.forces.models import Contributor, Deployment, Pledge


@admin.register(Contributor)
class ContributorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "__str__"]
    search_fields = ["code"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Pledge)
class PledgeAdmin(FactAdmin):
    list_display = ["contributor", "category", "count", "date", "status", "mission"]
    list_filter = [*FactAdmin.list_filter, "status", "category", "mission"]
    list_select_related = ["contributor", "mission"]
    date_hierarchy = "date"


@admin.register(Deployment)
class DeploymentAdmin(FactAdmin):
    list_display = ["contributor", "unit", "category", "change", "count", "date", "mission"]
    list_filter = [*FactAdmin.list_filter, "change", "category", "mission"]
    list_select_related = ["contributor", "mission"]
    search_fields = ["unit", "contributor__code"]
    date_hierarchy = "date"
