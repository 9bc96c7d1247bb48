from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API: every kind of record of the data-entry registry, the brief and the charts' series."""

    name = "msaada.api"
    verbose_name = _("API")
