from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "msaada.finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from msaada.finance.rules import register_rules

        register_rules()
