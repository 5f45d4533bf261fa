from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "tablee.members"
    label = "members"
    verbose_name = _("Seats and committees")

    def ready(self) -> None:
        from tablee.members import permissions  # noqa: F401  (registers the rules)
