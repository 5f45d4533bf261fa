"""Audit events of plan indicators (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PLAN_INDICATOR_CREATED = "PLAN_INDICATOR_CREATED", _("Plan indicator added")
    PLAN_INDICATOR_UPDATED = "PLAN_INDICATOR_UPDATED", _("Plan indicator changed")
    PLAN_INDICATOR_DELETED = "PLAN_INDICATOR_DELETED", _("Plan indicator deleted")
    PLAN_INDICATOR_VALUE_RECORDED = "PLAN_INDICATOR_VALUE_RECORDED", _("Indicator value recorded")
    PLAN_INDICATOR_VALUE_REMOVED = "PLAN_INDICATOR_VALUE_REMOVED", _("Indicator value removed")
