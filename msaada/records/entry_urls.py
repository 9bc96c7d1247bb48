"""Data entry: list, create, edit, archive, history and restore of every kind of record."""

urlpatterns: list = []
