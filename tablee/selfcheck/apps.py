from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfcheckConfig(AppConfig):
    name = "tablee.selfcheck"
    label = "selfcheck"
    verbose_name = _("Winning conditions self-check")

    def ready(self) -> None:
        from tablee.selfcheck import permissions  # noqa: F401  (registers the rules)
