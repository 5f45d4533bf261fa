from django.urls import path

from tablee.processes import views

app_name = "processes"

P = "processes/<slug:process_slug>/"
S = P + "stages/<slug:kind>/"

urlpatterns = [
    path("processes/", views.process_list, name="process-list"),
    path("processes/new/", views.process_create, name="process-create"),
    path(P, views.process_detail, name="process-detail"),
    path(P + "edit/", views.process_edit, name="process-edit"),
    path(P + "archive/", views.process_archive, name="process-archive"),
    path(P + "unarchive/", views.process_unarchive, name="process-unarchive"),
    path(P + "mobilisation/", views.mobilisation, name="mobilisation"),
    path(S, views.stage_detail, name="stage-detail"),
    path(S + "edit/", views.stage_edit, name="stage-edit"),
    path(S + "links/", views.stage_links, name="stage-links"),
    path(
        S + "links/<str:item_kind>/<int:item_id>/remove/",
        views.stage_unlink,
        name="stage-unlink",
    ),
    path(S + "documents/new/", views.stage_document_upload, name="stage-document-upload"),
    path(
        S + "documents/<int:document_id>/",
        views.stage_document_download,
        name="stage-document-download",
    ),
    path(
        S + "documents/<int:document_id>/remove/",
        views.stage_document_remove,
        name="stage-document-remove",
    ),
    path(S + "mobilisation/", views.stage_mobilisation, name="stage-mobilisation"),
    path(
        S + "mobilisation/needs/<int:need_id>/remove/",
        views.stage_need_remove,
        name="stage-need-remove",
    ),
    path(S + "contributions/new/", views.contribution_add, name="contribution-add"),
    path(
        S + "contributions/<int:contribution_id>/remove/",
        views.contribution_remove,
        name="contribution-remove",
    ),
]
