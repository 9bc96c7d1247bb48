"""URL configuration: the home page and the admin; the web app proper lands with its own issue."""

from django.contrib import admin
from django.urls import path

from msaada.missions.views import home

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
]
