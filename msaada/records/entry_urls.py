"""Data entry: list, create, edit, archive, history and restore of every kind of record."""

from django.urls import path

from msaada.records.views import entry_history, entry_lists, entry_records

urlpatterns = [
    path("", entry_lists.record_index, name="record_index"),
    path("<slug:kind>/", entry_lists.record_list, name="record_list"),
    path("<slug:kind>/export.csv", entry_lists.record_export_csv, name="record_export_csv"),
    path("<slug:kind>/export.xlsx", entry_lists.record_export_xlsx, name="record_export_xlsx"),
    path("<slug:kind>/new/", entry_records.record_new, name="record_new"),
    path("<slug:kind>/<int:pk>/", entry_records.record_detail, name="record_detail"),
    path("<slug:kind>/<int:pk>/edit/", entry_records.record_edit, name="record_edit"),
    path("<slug:kind>/<int:pk>/archive/", entry_records.record_archive_page, name="record_archive"),
    path("<slug:kind>/<int:pk>/history/", entry_history.record_history, name="record_history"),
    path(
        "<slug:kind>/<int:pk>/history/<int:history_id>/restore/",
        entry_history.record_restore_page,
        name="record_restore",
    ),
]
