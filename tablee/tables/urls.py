from django.urls import path

from tablee.tables import views

app_name = "tables"

urlpatterns = [
    path("", views.table_list, name="table-list"),
    path("new/", views.table_create, name="table-create"),
    path("<slug:table_slug>/", views.table_home, name="table-home"),
    path("<slug:table_slug>/settings/", views.table_edit, name="table-edit"),
    path("<slug:table_slug>/delete/", views.table_delete, name="table-delete"),
    path("<slug:table_slug>/people/", views.people_list, name="people-list"),
    path(
        "<slug:table_slug>/people/<int:membership_id>/role/",
        views.membership_role,
        name="membership-role",
    ),
    path(
        "<slug:table_slug>/people/<int:membership_id>/remove/",
        views.membership_remove,
        name="membership-remove",
    ),
    path("<slug:table_slug>/invitations/new/", views.invitation_create, name="invitation-create"),
    path(
        "<slug:table_slug>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("<slug:table_slug>/audit/", views.audit_log, name="audit-log"),
]
