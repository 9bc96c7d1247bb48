from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntryConfig(AppConfig):
    """Data-entry pages: lists, forms, history and restore of every kind of record."""

    name = "msaada.entry"
    verbose_name = _("Data entry")
