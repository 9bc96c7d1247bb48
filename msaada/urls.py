"""URL configuration. Every page under m/<code>/ belongs to one mission and checks the user's scope."""

from django.contrib import admin
from django.urls import include, path

from msaada.dashboard.home import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("msaada.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("m/<slug:code>/", include("msaada.dashboard.urls")),
    path("m/<slug:code>/records/import/", include("msaada.uploads.urls")),
    path("m/<slug:code>/records/", include("msaada.entry.urls")),
    path("api/", include("msaada.api.urls")),
    path("admin/", admin.site.urls),
]

# 404 and 403 are Django's own views rendering templates/404.html and 403.html with the request.
handler500 = "msaada.errors.server_error"
