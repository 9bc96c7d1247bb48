"""A mission's dashboard and its charts, as of a date kept in the URL; its plans and theirs."""

from django.urls import path

from msaada.dashboard import plans, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("charts/<slug:name>.svg", views.chart, name="dashboard-chart"),
    path("plans/", plans.plans, name="plans"),
    path("plans/derived/<slug:kind>/", plans.plan, name="plan-derived"),
    path("plans/derived/<slug:kind>/charts/<slug:chart>.svg", plans.chart, name="plan-derived-chart"),
    path("plans/<str:name>/", plans.plan, name="plan"),
    path("plans/<str:name>/charts/<slug:chart>.svg", plans.chart, name="plan-chart"),
]
