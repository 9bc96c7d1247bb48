from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The mission's records as spreadsheets: the import format, read and written."""

    name = "msaada.records"
    verbose_name = _("Records")

    def ready(self) -> None:
        from msaada.records import identity

        identity.connect_signals()
