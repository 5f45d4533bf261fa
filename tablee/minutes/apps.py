from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "tablee.minutes"
    label = "minutes"
    verbose_name = _("Minutes")

    def ready(self) -> None:
        from tablee.minutes import permissions  # noqa: F401  (registers the rules)
