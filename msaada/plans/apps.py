from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "msaada.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from msaada.plans.rules import register_rules

        register_rules()
