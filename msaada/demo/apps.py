from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Haiti demo: its data and the command that builds it."""

    name = "msaada.demo"
    verbose_name = _("Demo")
