from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from msaada.core.admin import FactAdmin
from msaada.logistics.models import Asset, Contract, ServiceLine


@admin.register(ServiceLine)
class ServiceLineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "mission"]
    list_filter = ["mission"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Contract)
class ContractAdmin(FactAdmin):
    list_display = ["service_line", "vendor", "funder", "start", "end", "value", "currency", "capacity"]
    list_filter = [*FactAdmin.list_filter, "mission", "service_line"]
    list_select_related = ["service_line", "funder"]
    search_fields = ["vendor", "service_line__name"]


@admin.register(Asset)
class AssetAdmin(FactAdmin):
    list_display = ["kind", "owner", "date", "total", "operational", "mission"]
    list_filter = [*FactAdmin.list_filter, "mission"]
    list_select_related = ["owner"]
