"""Who may do what with collective processes and their stages (object: table or a row of it).

Everyone with a role in the table reads processes, stages and the
mobilisation view; coordinators write. An archived process is read-only:
only bringing it back is allowed.
"""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


def _process_of(obj):
    """Return the process of `obj` (a process, a stage or a stage's row), or None."""
    from tablee.processes.models import Process, Stage

    if isinstance(obj, Process):
        return obj
    if isinstance(obj, Stage):
        return obj.process
    stage = getattr(obj, "stage", None)
    return stage.process if stage is not None else None


@rules.predicate
def process_is_archived(user, obj) -> bool:
    process = _process_of(obj)
    return process is not None and process.archived_at is not None


coordinates = is_coordinator | is_platform_admin

rules.add_perm("processes.view_process", has_any_role | is_platform_admin)
rules.add_perm("processes.create_process", coordinates)
# Changing a process or anything of its stages needs it to be current.
rules.add_perm("processes.change_process", coordinates & ~process_is_archived)
rules.add_perm("processes.archive_process", coordinates & ~process_is_archived)
rules.add_perm("processes.unarchive_process", coordinates & process_is_archived)
