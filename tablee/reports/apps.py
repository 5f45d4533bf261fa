from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "tablee.reports"
    label = "reports"
    verbose_name = _("Plan reports, exports and imports")

    def ready(self) -> None:
        from tablee.reports import permissions  # noqa: F401  (registers the rules)
