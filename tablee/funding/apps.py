from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "tablee.funding"
    label = "funding"
    verbose_name = _("Resources and funding")

    def ready(self) -> None:
        from tablee.funding import permissions  # noqa: F401  (registers the rules)
