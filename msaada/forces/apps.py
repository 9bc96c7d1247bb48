from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForcesConfig(AppConfig):
    name = "msaada.forces"
    verbose_name = _("Forces")

    def ready(self) -> None:
        from msaada.forces.rules import register_rules

        register_rules()
