from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """The mission's records as files: the import format read and written, with its HXL tags."""

    name = "msaada.exchange"
    verbose_name = _("Exchange")
