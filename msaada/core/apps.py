from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The record base every area builds on: fields, constraints, history, archiving, the write services."""

    name = "msaada.core"
    verbose_name = _("Records")
