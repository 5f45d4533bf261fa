"""Audit events of the winning conditions self-check."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    SELFCHECK_STARTED = "selfcheck_started", _("Winning conditions self-check started")
    SELFCHECK_CARD_UPDATED = "selfcheck_card_updated", _("Winning condition card updated")
    SELFCHECK_STEP_PLANNED = (
        "selfcheck_step_planned",
        _("Next step of a winning condition added to the plan"),
    )
    SELFCHECK_COMPLETED = "selfcheck_completed", _("Winning conditions self-check completed")
