"""Audit events of frameworks, obstacles and levers (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    FRAMEWORK_CREATED = "FRAMEWORK_CREATED", _("Normative framework added")
    FRAMEWORK_UPDATED = "FRAMEWORK_UPDATED", _("Normative framework changed")
    FRAMEWORK_DELETED = "FRAMEWORK_DELETED", _("Normative framework deleted")
    FRAMEWORK_CONDITION_RECORDED = (
        "FRAMEWORK_CONDITION_RECORDED",
        _("Obstacle or favourable condition recorded"),
    )
    FRAMEWORK_CONDITION_UPDATED = (
        "FRAMEWORK_CONDITION_UPDATED",
        _("Obstacle or favourable condition changed"),
    )
    FRAMEWORK_CONDITION_DELETED = (
        "FRAMEWORK_CONDITION_DELETED",
        _("Obstacle or favourable condition deleted"),
    )
