"""A mission's records in the browser: lists, forms and history (entry), import and templates (upload)."""

from django.urls import include, path

urlpatterns = [
    path("import/", include("msaada.records.upload_urls")),
    path("", include("msaada.records.entry_urls")),
]
