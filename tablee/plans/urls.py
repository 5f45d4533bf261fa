from django.urls import path

from tablee.plans import views

app_name = "plans"

P = "processes/<slug:process_slug>/"

urlpatterns = [
    path(f"{P}plan/", views.plan, name="plan"),
    path(f"{P}plan/objectives/new/", views.objective_create, name="objective-create"),
    path(
        f"{P}plan/objectives/<int:objective_id>/edit/",
        views.objective_edit,
        name="objective-edit",
    ),
    path(
        f"{P}plan/objectives/<int:objective_id>/delete/",
        views.objective_delete,
        name="objective-delete",
    ),
    path(
        f"{P}plan/objectives/<int:objective_id>/move/",
        views.objective_move,
        name="objective-move",
    ),
    path(
        f"{P}plan/objectives/<int:objective_id>/axes/new/",
        views.axis_create,
        name="axis-create",
    ),
    path(f"{P}plan/axes/<int:axis_id>/edit/", views.axis_edit, name="axis-edit"),
    path(f"{P}plan/axes/<int:axis_id>/delete/", views.axis_delete, name="axis-delete"),
    path(f"{P}plan/axes/<int:axis_id>/move/", views.axis_move, name="axis-move"),
    path(f"{P}plan/actions/new/", views.action_create, name="action-create"),
    path(f"{P}plan/actions/<int:action_id>/", views.action_detail, name="action-detail"),
    path(f"{P}plan/actions/<int:action_id>/edit/", views.action_edit, name="action-edit"),
    path(f"{P}plan/actions/<int:action_id>/delete/", views.action_delete, name="action-delete"),
    path(f"{P}plan/actions/<int:action_id>/move/", views.action_move, name="action-move"),
    path(
        f"{P}plan/actions/<int:action_id>/progress/",
        views.progress_create,
        name="progress-create",
    ),
    path(
        f"{P}plan/actions/<int:action_id>/progress/<int:update_id>/evidence/",
        views.progress_evidence,
        name="progress-evidence",
    ),
    path(
        f"{P}plan/actions/<int:action_id>/meeting-actions/",
        views.meeting_action_attach,
        name="meeting-action-attach",
    ),
    path(
        f"{P}plan/actions/<int:action_id>/meeting-actions/<int:item_id>/detach/",
        views.meeting_action_detach,
        name="meeting-action-detach",
    ),
    # Signed link of the reminder e-mails: no sign-in, one action only.
    path(f"{P}plan/progress/<str:token>/", views.progress_link, name="progress-link"),
    path(f"{P}dashboard/", views.dashboard, name="dashboard"),
    path(f"{P}timeline/", views.gantt, name="gantt"),
]
