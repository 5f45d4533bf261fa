from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "tablee.engagement"
    label = "engagement"
    verbose_name = _("Mobilisation health")

    def ready(self) -> None:
        from tablee.engagement import permissions  # noqa: F401  (registers the rules)
