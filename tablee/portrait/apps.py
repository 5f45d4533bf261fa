from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortraitConfig(AppConfig):
    name = "tablee.portrait"
    label = "portrait"
    verbose_name = _("Portrait and diagnostic of the territory")

    def ready(self) -> None:
        from tablee.portrait import permissions  # noqa: F401  (registers the rules)
