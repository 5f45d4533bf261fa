from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "tablee.results"
    label = "results"
    verbose_name = _("Plan indicators and results")

    def ready(self) -> None:
        from tablee.results import permissions  # noqa: F401  (registers the rules)
