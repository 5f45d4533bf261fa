from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationSurveyConfig(AppConfig):
    name = "tablee.relationsurvey"
    label = "relationsurvey"
    verbose_name = _("Relations map")

    def ready(self) -> None:
        from tablee.relationsurvey import permissions  # noqa: F401  (registers the rules)
