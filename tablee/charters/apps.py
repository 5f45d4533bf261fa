from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartersConfig(AppConfig):
    name = "tablee.charters"
    label = "charters"
    verbose_name = _("Charters")

    def ready(self) -> None:
        from tablee.charters import permissions  # noqa: F401  (registers the rules)
