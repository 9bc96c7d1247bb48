"""A mission's dashboard and brief, as of a date kept in the URL."""

from django.urls import path

from msaada.readiness import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
