"""Audit events of action plans (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PLAN_OBJECTIVE_CREATED = "plan_objective_created", _("Plan objective added")
    PLAN_OBJECTIVE_UPDATED = "plan_objective_updated", _("Plan objective changed")
    PLAN_OBJECTIVE_MOVED = "plan_objective_moved", _("Plan objective moved")
    PLAN_OBJECTIVE_DELETED = "plan_objective_deleted", _("Plan objective deleted")
    PLAN_AXIS_CREATED = "plan_axis_created", _("Plan strategy added")
    PLAN_AXIS_UPDATED = "plan_axis_updated", _("Plan strategy changed")
    PLAN_AXIS_MOVED = "plan_axis_moved", _("Plan strategy moved")
    PLAN_AXIS_DELETED = "plan_axis_deleted", _("Plan strategy deleted")
    PLAN_ACTION_CREATED = "plan_action_created", _("Plan action added")
    PLAN_ACTION_UPDATED = "plan_action_updated", _("Plan action changed")
    PLAN_ACTION_MOVED = "plan_action_moved", _("Plan action moved")
    PLAN_ACTION_DELETED = "plan_action_deleted", _("Plan action deleted")
    PLAN_PROGRESS_RECORDED = "plan_progress_recorded", _("Progress of a plan action reported")
    PLAN_MEETING_ACTION_ATTACHED = (
        "plan_meeting_action_attached",
        _("Meeting action attached to a plan action"),
    )
    PLAN_MEETING_ACTION_DETACHED = (
        "plan_meeting_action_detached",
        _("Meeting action detached from a plan action"),
    )
