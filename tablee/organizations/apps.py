from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "tablee.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from tablee.organizations import permissions  # noqa: F401  (registers the rules)
