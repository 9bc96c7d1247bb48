from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Import in the browser: upload, check, confirm or cancel."""

    name = "msaada.uploads"
    verbose_name = _("Uploads")
