from django.urls import path

from tablee.actions import views

app_name = "actions"

urlpatterns = [
    path("actions/", views.action_list, name="action-list"),
    path("actions/new/", views.action_create, name="action-create"),
    path("actions/<int:action_id>/", views.action_detail, name="action-detail"),
    path("actions/<int:action_id>/edit/", views.action_edit, name="action-edit"),
    path("actions/<int:action_id>/status/", views.action_status, name="action-status"),
]
