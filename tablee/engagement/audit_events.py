"""Audit events of mobilisation health (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    ENGAGEMENT_SETTINGS_UPDATED = (
        "ENGAGEMENT_SETTINGS_UPDATED",
        _("Mobilisation health settings changed"),
    )
