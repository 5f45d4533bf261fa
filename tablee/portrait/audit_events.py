"""Audit events of the portrait and diagnostic (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PORTRAIT_INDICATOR_CREATED = "PORTRAIT_INDICATOR_CREATED", _("Territory indicator added")
    PORTRAIT_INDICATOR_UPDATED = "PORTRAIT_INDICATOR_UPDATED", _("Territory indicator changed")
    PORTRAIT_INDICATOR_DELETED = "PORTRAIT_INDICATOR_DELETED", _("Territory indicator deleted")
    PORTRAIT_VALUE_RECORDED = "PORTRAIT_VALUE_RECORDED", _("Indicator value recorded")
    PORTRAIT_VALUE_REMOVED = "PORTRAIT_VALUE_REMOVED", _("Indicator value removed")
    PORTRAIT_INDICATORS_IMPORTED = "PORTRAIT_INDICATORS_IMPORTED", _("Indicators imported")
    PORTRAIT_NEED_CREATED = "PORTRAIT_NEED_CREATED", _("Need recorded")
    PORTRAIT_NEED_UPDATED = "PORTRAIT_NEED_UPDATED", _("Need changed")
    PORTRAIT_NEED_DELETED = "PORTRAIT_NEED_DELETED", _("Need deleted")
    PORTRAIT_NEED_ACTIONS_LINKED = (
        "PORTRAIT_NEED_ACTIONS_LINKED",
        _("Actions answering a need changed"),
    )
    PORTRAIT_STRENGTH_CREATED = "PORTRAIT_STRENGTH_CREATED", _("Strength recorded")
    PORTRAIT_STRENGTH_UPDATED = "PORTRAIT_STRENGTH_UPDATED", _("Strength changed")
    PORTRAIT_STRENGTH_DELETED = "PORTRAIT_STRENGTH_DELETED", _("Strength deleted")
    PORTRAIT_DOCUMENT_ATTACHED = "PORTRAIT_DOCUMENT_ATTACHED", _("Evidence document attached")
    PORTRAIT_DOCUMENT_REMOVED = "PORTRAIT_DOCUMENT_REMOVED", _("Evidence document removed")
