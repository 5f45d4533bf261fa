from django.urls import path

from tablee.funding import views

app_name = "funding"

P = "processes/<slug:process_slug>/resources/"

urlpatterns = [
    path(P, views.resources, name="resources"),
    path(f"{P}new/", views.resource_create, name="resource-create"),
    path(f"{P}<int:commitment_id>/edit/", views.resource_edit, name="resource-edit"),
    path(f"{P}<int:commitment_id>/delete/", views.resource_delete, name="resource-delete"),
    path("funding/", views.funder_list, name="funder-list"),
    path("funding/funders/new/", views.funder_create, name="funder-create"),
    path("funding/funders/<int:funder_id>/", views.funder_detail, name="funder-detail"),
    path("funding/funders/<int:funder_id>/edit/", views.funder_edit, name="funder-edit"),
    path("funding/funders/<int:funder_id>/delete/", views.funder_delete, name="funder-delete"),
    path(
        "funding/funders/<int:funder_id>/programs/new/",
        views.program_create,
        name="program-create",
    ),
    path("funding/programs/<int:program_id>/", views.program_detail, name="program-detail"),
    path("funding/programs/<int:program_id>/edit/", views.program_edit, name="program-edit"),
    path("funding/programs/<int:program_id>/delete/", views.program_delete, name="program-delete"),
    path(
        "funding/programs/<int:program_id>/reporting/new/",
        views.reporting_create,
        name="reporting-create",
    ),
    path(
        "funding/reporting/<int:reporting_id>/edit/", views.reporting_edit, name="reporting-edit"
    ),
    path(
        "funding/reporting/<int:reporting_id>/done/", views.reporting_done, name="reporting-done"
    ),
    path(
        "funding/reporting/<int:reporting_id>/delete/",
        views.reporting_delete,
        name="reporting-delete",
    ),
    path(
        "funding/programs/<int:program_id>/budget/new/",
        views.budget_line_create,
        name="budget-line-create",
    ),
    path("funding/budget/<int:line_id>/edit/", views.budget_line_edit, name="budget-line-edit"),
    path(
        "funding/budget/<int:line_id>/delete/",
        views.budget_line_delete,
        name="budget-line-delete",
    ),
]
