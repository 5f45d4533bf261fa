from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "tablee.actions"
    label = "actions"
    verbose_name = _("Actions")

    def ready(self) -> None:
        from tablee.actions import permissions  # noqa: F401  (registers the rules)
