"""Pages of the action plan: outline, actions, progress, dashboard, timeline.

Each view: resolve → authorize → validate → call a service → respond.
"""

from tablee.plans.views.actions import (
    action_create,
    action_delete,
    action_detail,
    action_edit,
    action_move,
    meeting_action_attach,
    meeting_action_detach,
)
from tablee.plans.views.follow_up import dashboard, gantt
from tablee.plans.views.progress import progress_create, progress_evidence, progress_link
from tablee.plans.views.structure import (
    axis_create,
    axis_delete,
    axis_edit,
    axis_move,
    objective_create,
    objective_delete,
    objective_edit,
    objective_move,
    plan,
)

__all__ = [
    "action_create",
    "action_delete",
    "action_detail",
    "action_edit",
    "action_move",
    "axis_create",
    "axis_delete",
    "axis_edit",
    "axis_move",
    "dashboard",
    "gantt",
    "meeting_action_attach",
    "meeting_action_detach",
    "objective_create",
    "objective_delete",
    "objective_edit",
    "objective_move",
    "plan",
    "progress_create",
    "progress_evidence",
    "progress_link",
]
