"""Expected answers of the action plan's URLs for every role (see tablee/testing/matrix.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tablee.actions.tests.factories import ActionItemFactory
from tablee.plans.links import make_token
from tablee.plans.tests.factories import (
    AxisFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ProgressUpdateFactory,
)
from tablee.testing.matrix import (
    Expect,
    coordination,
    everyone,
    statuses,
    table_members,
    table_read,
)

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)
# Reordering is a POST that redirects back to the plan.
MOVE = statuses(
    anonymous=302,
    observer=403,
    member=403,
    coordinator=302,
    other_coordinator=404,
    platform_admin=302,
)


def _plan(world):
    process = ProcessFactory(table=world.table, slug="securite-alimentaire")
    objective = ObjectiveFactory(process=process)
    axis = AxisFactory(objective=objective)
    # The member is accountable: they may report progress, the observer may not.
    action = PlanActionFactory(
        objective=objective, axis=axis, accountable_person=world.people["member"]
    )
    stored = default_storage.save("plans/matrix/preuve.pdf", ContentFile(b"%PDF-1.4 preuve"))
    update = ProgressUpdateFactory(
        action=action,
        author=world.people["member"],
        evidence=stored,
        evidence_name="preuve.pdf",
        evidence_content_type="application/pdf",
        evidence_size=15,
    )
    item = ActionItemFactory(
        table=world.table, created_by=world.people["coordinator"], plan_action=action
    )
    ActionItemFactory(table=world.table, created_by=world.people["coordinator"])
    world.extra.update(
        process=process, objective=objective, axis=axis, action=action, update=update, item=item
    )


def _process(world):
    return {"table_slug": world.table.slug, "process_slug": world.extra["process"].slug}


def _objective(world):
    return {**_process(world), "objective_id": world.extra["objective"].pk}


def _axis(world):
    return {**_process(world), "axis_id": world.extra["axis"].pk}


def _action(world):
    return {**_process(world), "action_id": world.extra["action"].pk}


def _update(world):
    return {**_action(world), "update_id": world.extra["update"].pk}


def _item(world):
    return {**_action(world), "item_id": world.extra["item"].pk}


def _token(world):
    token = make_token(action_id=world.extra["action"].pk, person_id=world.people["member"].pk)
    return {**_process(world), "token": token}


def _up(world):
    return {"direction": "up"}


def _page(statuses_, kwargs):
    return Expect(statuses_, kwargs=kwargs, setup=_plan)


EXPECTATIONS = {
    "plans:plan": _page(TABLE_READ, _process),
    "plans:dashboard": _page(TABLE_READ, _process),
    "plans:gantt": _page(TABLE_READ, _process),
    "plans:objective-create": _page(COORDINATION, _process),
    "plans:objective-edit": _page(COORDINATION, _objective),
    "plans:objective-delete": _page(COORDINATION, _objective),
    "plans:objective-move": Expect(MOVE, kwargs=_objective, setup=_plan, method="POST", data=_up),
    "plans:axis-create": _page(COORDINATION, _objective),
    "plans:axis-edit": _page(COORDINATION, _axis),
    "plans:axis-delete": _page(COORDINATION, _axis),
    "plans:axis-move": Expect(MOVE, kwargs=_axis, setup=_plan, method="POST", data=_up),
    "plans:action-create": _page(COORDINATION, _process),
    "plans:action-detail": _page(TABLE_READ, _action),
    "plans:action-edit": _page(COORDINATION, _action),
    "plans:action-delete": _page(COORDINATION, _action),
    "plans:action-move": Expect(MOVE, kwargs=_action, setup=_plan, method="POST", data=_up),
    "plans:progress-create": _page(table_members(), _action),
    "plans:progress-evidence": _page(TABLE_READ, _update),
    "plans:meeting-action-attach": _page(COORDINATION, _action),
    "plans:meeting-action-detach": _page(COORDINATION, _item),
    # The signed link of a reminder works without signing in: the token is the
    # credential, and it only opens the progress form of its one action.
    "plans:progress-link": _page(everyone(200), _token),
    "api:plan-objective-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_process, setup=_plan),
    "api:plan-action-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_process, setup=_plan),
    "api:plan-action-detail": Expect(API_TABLE_READ, auth="bearer", kwargs=_action, setup=_plan),
    "api:plan-progress-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_action, setup=_plan),
}
