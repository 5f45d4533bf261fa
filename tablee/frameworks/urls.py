from django.urls import path

from tablee.frameworks import views

app_name = "frameworks"

urlpatterns = [
    path("frameworks/", views.framework_list, name="framework-list"),
    path("frameworks/new/", views.framework_create, name="framework-create"),
    path("frameworks/<int:framework_id>/", views.framework_detail, name="framework-detail"),
    path("frameworks/<int:framework_id>/edit/", views.framework_edit, name="framework-edit"),
    path("frameworks/<int:framework_id>/delete/", views.framework_delete, name="framework-delete"),
    path(
        "frameworks/<int:framework_id>/document/",
        views.framework_document,
        name="framework-document",
    ),
    path("obstacles/", views.condition_list, name="condition-list"),
    path("obstacles/new/", views.condition_create, name="condition-create"),
    path("obstacles/<int:condition_id>/", views.condition_detail, name="condition-detail"),
    path("obstacles/<int:condition_id>/edit/", views.condition_edit, name="condition-edit"),
    path("obstacles/<int:condition_id>/delete/", views.condition_delete, name="condition-delete"),
]
