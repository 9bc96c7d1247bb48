"""A mission's dashboard and its charts, as of a date kept in the URL."""

from django.urls import path

from msaada.dashboard import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("charts/<slug:name>.svg", views.chart, name="dashboard-chart"),
]
