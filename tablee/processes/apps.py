from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "tablee.processes"
    label = "processes"
    verbose_name = _("Collective processes and their stages")

    def ready(self) -> None:
        from tablee.processes import permissions  # noqa: F401  (registers the rules)
