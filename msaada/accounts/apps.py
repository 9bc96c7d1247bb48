from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "msaada.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from msaada.accounts import signals  # noqa: F401 - connects the receivers
        from msaada.accounts.scopes import changeable, reports
        from msaada.core.services import register_reporters, register_scope

        register_scope(changeable)
        register_reporters(reports)
