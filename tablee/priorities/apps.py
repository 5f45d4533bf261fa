from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    name = "tablee.priorities"
    label = "priorities"
    verbose_name = _("Vision and priorities")

    def ready(self) -> None:
        from tablee.priorities import permissions  # noqa: F401  (registers the rules)
