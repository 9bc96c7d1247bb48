from django.contrib import admin

from msaada.core.admin import FactAdmin
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target


@admin.register(CostModel)
class CostModelAdmin(FactAdmin):
    list_display = ["key", "name", "effective", "mission"]
    list_filter = [*FactAdmin.list_filter, "mission"]
    search_fields = ["key", "name"]
    date_hierarchy = "effective"


@admin.register(CostLine)
class CostLineAdmin(FactAdmin):
    list_display = ["budget_line", "cost_model", "basis", "amount", "currency", "channel", "service_line", "lead_days"]
    list_filter = [*FactAdmin.list_filter, "basis", "channel", "currency", "mission"]
    list_select_related = ["cost_model", "service_line"]
    search_fields = ["budget_line", "cost_model__key"]


@admin.register(Scenario)
class ScenarioAdmin(FactAdmin):
    list_display = ["name", "start", "end", "cost_model", "mission"]
    list_filter = [*FactAdmin.list_filter, "mission"]
    list_select_related = ["cost_model"]
    search_fields = ["name", "notes"]


@admin.register(Target)
class TargetAdmin(FactAdmin):
    list_display = ["scenario", "contributor", "category", "date", "strength"]
    list_filter = [*FactAdmin.list_filter, "category", "mission"]
    list_select_related = ["scenario", "contributor"]
    search_fields = ["scenario__name", "contributor__code"]
    date_hierarchy = "date"


@admin.register(PlannedFlow)
class PlannedFlowAdmin(FactAdmin):
    list_display = ["scenario", "fund", "donor", "stage", "amount", "currency", "date"]
    list_filter = [*FactAdmin.list_filter, "stage", "currency", "mission"]
    list_select_related = ["scenario", "fund", "donor"]
    search_fields = ["scenario__name", "donor__name"]
    date_hierarchy = "date"


@admin.register(PlannedContract)
class PlannedContractAdmin(FactAdmin):
    list_display = ["scenario", "service_line", "vendor", "start", "end", "capacity", "value", "currency"]
    list_filter = [*FactAdmin.list_filter, "mission", "service_line"]
    list_select_related = ["scenario", "service_line"]
    search_fields = ["scenario__name", "vendor", "service_line__name"]
