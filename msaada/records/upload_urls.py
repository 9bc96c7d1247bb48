"""Import in the browser: upload, preview, confirm; templates of each file."""

from django.urls import path

from msaada.records.views import upload, upload_templates

urlpatterns = [
    path("", upload.import_upload, name="import_upload"),
    path("templates/<str:file_name>", upload_templates.import_template, name="import_template"),
    path("<slug:token>/", upload.import_preview, name="import_preview"),
    path("<slug:token>/confirm/", upload.import_confirm, name="import_confirm"),
    path("<slug:token>/cancel/", upload.import_cancel, name="import_cancel"),
]
