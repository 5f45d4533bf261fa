from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "tablee.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        from tablee.plans import permissions  # noqa: F401  (registers the rules)
