from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "tablee.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation of the partnership")

    def ready(self) -> None:
        from tablee.evaluation import permissions  # noqa: F401  (registers the rules)
