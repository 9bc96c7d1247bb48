from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The home page and a mission's dashboard: the brief with charts, a map and the risks."""

    name = "msaada.dashboard"
    verbose_name = _("Dashboard")
