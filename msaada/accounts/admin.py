from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from msaada.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "country", "organization"]
    list_filter = ["role"]
    search_fields = ["user__username"]
    autocomplete_fields = ["organization"]
