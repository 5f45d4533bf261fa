"""The action plan of a process: one function per intention, each audited once.

A package (structure, actions, progress); call sites import from here.
"""

from tablee.plans.services._common import NOTE_MAX_LENGTH
from tablee.plans.services.actions import (
    ActionInput,
    PartnerInput,
    plan_action_create,
    plan_action_delete,
    plan_action_move,
    plan_action_update,
)
from tablee.plans.services.progress import (
    meeting_action_attach,
    meeting_action_detach,
    progress_record,
)
from tablee.plans.services.structure import (
    axis_create,
    axis_delete,
    axis_move,
    axis_update,
    objective_create,
    objective_delete,
    objective_move,
    objective_update,
)

__all__ = [
    "NOTE_MAX_LENGTH",
    "ActionInput",
    "PartnerInput",
    "axis_create",
    "axis_delete",
    "axis_move",
    "axis_update",
    "meeting_action_attach",
    "meeting_action_detach",
    "objective_create",
    "objective_delete",
    "objective_move",
    "objective_update",
    "plan_action_create",
    "plan_action_delete",
    "plan_action_move",
    "plan_action_update",
    "progress_record",
]
