from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "tablee.polls"
    label = "polls"
    verbose_name = _("Polls")

    def ready(self) -> None:
        from tablee.polls import permissions  # noqa: F401  (registers the rules)
