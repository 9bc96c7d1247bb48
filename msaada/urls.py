"""URL configuration. Every page under m/<code>/ belongs to one mission and checks the user's scope."""

from django.contrib import admin
from django.urls import include, path

from msaada.missions.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("msaada.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("m/<slug:code>/", include("msaada.readiness.urls")),
    path("m/<slug:code>/records/", include("msaada.records.urls")),
    path("admin/", admin.site.urls),
]
