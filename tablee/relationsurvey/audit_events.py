"""Audit events of the relations survey (« Carte des liens »)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    RELATION_WAVE_CREATED = "RELATION_WAVE_CREATED", _("Relations survey wave created")
    RELATION_WAVE_UPDATED = "RELATION_WAVE_UPDATED", _("Relations survey wave changed")
    RELATION_ANSWERS_SAVED = (
        "RELATION_ANSWERS_SAVED",
        _("Relations survey answered for an organization"),
    )
    RELATION_ANSWERS_ENTERED = (
        "RELATION_ANSWERS_ENTERED",
        _("Relations survey answers entered by the coordination"),
    )
    RELATION_WAVE_DELETED = (
        "RELATION_WAVE_DELETED",
        _("Relations survey wave deleted before any answer"),
    )
