"""Data entry: list, create, edit, archive, history and restore of every kind of record."""

from django.urls import path

from msaada.entry.views import history, lists, records, review

urlpatterns = [
    path("", lists.record_index, name="record_index"),
    path("review/", review.review_queue, name="review_queue"),
    path("review/<slug:kind>/<int:pk>/", review.review_decide, name="review_decide"),
    path("<slug:kind>/", lists.record_list, name="record_list"),
    path("<slug:kind>/export.csv", lists.record_export_csv, name="record_export_csv"),
    path("<slug:kind>/export.xlsx", lists.record_export_xlsx, name="record_export_xlsx"),
    path("<slug:kind>/new/", records.record_new, name="record_new"),
    path("<slug:kind>/<int:pk>/", records.record_detail, name="record_detail"),
    path("<slug:kind>/<int:pk>/edit/", records.record_edit, name="record_edit"),
    path("<slug:kind>/<int:pk>/archive/", records.record_archive_page, name="record_archive"),
    path("<slug:kind>/<int:pk>/history/", history.record_history, name="record_history"),
    path(
        "<slug:kind>/<int:pk>/history/<int:history_id>/restore/",
        history.record_restore_page,
        name="record_restore",
    ),
]
