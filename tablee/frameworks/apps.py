from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "tablee.frameworks"
    label = "frameworks"
    verbose_name = _("Frameworks, obstacles and levers")

    def ready(self) -> None:
        from tablee.frameworks import permissions  # noqa: F401  (registers the rules)
