"""Audit events of the evaluation of the partnership."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    EVALUATION_CAMPAIGN_CREATED = "EVALUATION_CAMPAIGN_CREATED", _("Evaluation campaign created")
    EVALUATION_CAMPAIGN_UPDATED = "EVALUATION_CAMPAIGN_UPDATED", _("Evaluation campaign changed")
    EVALUATION_EXTERNAL_INVITED = (
        "EVALUATION_EXTERNAL_INVITED",
        _("External partner invited to an evaluation"),
    )
    EVALUATION_ANSWERED = "EVALUATION_ANSWERED", _("Evaluation answered")
    EVALUATION_DISCUSSION_SAVED = (
        "EVALUATION_DISCUSSION_SAVED",
        _("Evaluation discussion sheet saved"),
    )
    EVALUATION_GROUP_ANSWER_RECORDED = (
        "EVALUATION_GROUP_ANSWER_RECORDED",
        _("Group answer of an evaluation recorded"),
    )
    EVALUATION_GROUP_ANSWER_CORRECTED = (
        "EVALUATION_GROUP_ANSWER_CORRECTED",
        _("Group answer of an evaluation corrected"),
    )
    EVALUATION_CAMPAIGN_DELETED = (
        "EVALUATION_CAMPAIGN_DELETED",
        _("Evaluation campaign deleted before any answer"),
    )
