from django.urls import path

from tablee.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_list, name="organization-list"),
    path("new/", views.organization_create, name="organization-create"),
    path("deleted/", views.organization_deleted_list, name="organization-deleted-list"),
    path("<int:organization_id>/", views.organization_detail, name="organization-detail"),
    path("<int:organization_id>/edit/", views.organization_edit, name="organization-edit"),
    path("<int:organization_id>/delete/", views.organization_delete, name="organization-delete"),
    path(
        "<int:organization_id>/restore/", views.organization_restore, name="organization-restore"
    ),
    path("sectors/", views.sector_list, name="sector-list"),
    path("sectors/new/", views.sector_create, name="sector-create"),
    path("sectors/<int:sector_id>/edit/", views.sector_edit, name="sector-edit"),
    path("sectors/<int:sector_id>/status/", views.sector_toggle, name="sector-toggle"),
]
