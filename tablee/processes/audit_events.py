"""Audit events of collective processes and their stages (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PROCESS_CREATED = "PROCESS_CREATED", _("Collective process created")
    PROCESS_UPDATED = "PROCESS_UPDATED", _("Collective process changed")
    PROCESS_ARCHIVED = "PROCESS_ARCHIVED", _("Collective process archived")
    PROCESS_UNARCHIVED = "PROCESS_UNARCHIVED", _("Collective process brought back")
    PROCESS_STAGE_UPDATED = "PROCESS_STAGE_UPDATED", _("Stage changed")
    PROCESS_STAGE_LINKED = "PROCESS_STAGE_LINKED", _("Deliverable linked to a stage")
    PROCESS_STAGE_UNLINKED = "PROCESS_STAGE_UNLINKED", _("Deliverable unlinked from a stage")
    PROCESS_DOCUMENT_ADDED = "PROCESS_DOCUMENT_ADDED", _("Stage document added")
    PROCESS_DOCUMENT_REMOVED = "PROCESS_DOCUMENT_REMOVED", _("Stage document removed")
    PROCESS_NEED_ADDED = "PROCESS_NEED_ADDED", _("Needed group added to a stage")
    PROCESS_NEED_REMOVED = "PROCESS_NEED_REMOVED", _("Needed group removed from a stage")
    PROCESS_LEVERS_SAVED = "PROCESS_LEVERS_SAVED", _("Mobilisation levers of a stage saved")
    PROCESS_CONTRIBUTION_RECORDED = (
        "PROCESS_CONTRIBUTION_RECORDED",
        _("Contribution to a stage recorded"),
    )
    PROCESS_CONTRIBUTION_REMOVED = (
        "PROCESS_CONTRIBUTION_REMOVED",
        _("Contribution to a stage removed"),
    )
