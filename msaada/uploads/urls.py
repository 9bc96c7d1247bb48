"""Import in the browser: upload, preview, confirm; templates of each file."""

from django.urls import path

from msaada.uploads.views import pages, templates

urlpatterns = [
    path("", pages.import_upload, name="import_upload"),
    path("templates/<str:file_name>", templates.import_template, name="import_template"),
    path("<slug:token>/", pages.import_preview, name="import_preview"),
    path("<slug:token>/progress/", pages.import_progress, name="import_progress"),
    path("<slug:token>/confirm/", pages.import_confirm, name="import_confirm"),
    path("<slug:token>/cancel/", pages.import_cancel, name="import_cancel"),
]
