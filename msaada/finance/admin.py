from django.contrib import admin

from msaada.core.admin import FactAdmin
from msaada.finance.models import Expenditure, Flow, Fund, FxRate, Organization


@admin.register(Organization)
class OrganizationAdmin(FactAdmin):
    list_display = ["key", "name", "kind", "country"]
    list_filter = [*FactAdmin.list_filter, "kind"]
    search_fields = ["key", "name"]


@admin.register(Fund)
class FundAdmin(FactAdmin):
    list_display = ["key", "name", "manager", "kind", "mission"]
    list_filter = [*FactAdmin.list_filter, "kind", "mission"]
    search_fields = ["key", "name"]


@admin.register(Flow)
class FlowAdmin(FactAdmin):
    list_display = ["ref", "fund", "donor", "stage", "amount", "currency", "date"]
    list_filter = [*FactAdmin.list_filter, "stage", "currency", "mission"]
    list_select_related = ["fund", "donor"]
    search_fields = ["ref", "donor__name"]
    date_hierarchy = "date"


@admin.register(FxRate)
class FxRateAdmin(FactAdmin):
    list_display = ["currency", "date", "per_usd"]
    list_filter = [*FactAdmin.list_filter, "currency"]
    date_hierarchy = "date"


@admin.register(Expenditure)
class ExpenditureAdmin(FactAdmin):
    list_display = ["budget_line", "fund", "amount", "currency", "date"]
    list_filter = [*FactAdmin.list_filter, "currency", "mission"]
    list_select_related = ["fund"]
    date_hierarchy = "date"
