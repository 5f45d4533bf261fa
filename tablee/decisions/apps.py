from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "tablee.decisions"
    label = "decisions"
    verbose_name = _("Decisions")

    def ready(self) -> None:
        from tablee.decisions import permissions  # noqa: F401  (registers the rules)
