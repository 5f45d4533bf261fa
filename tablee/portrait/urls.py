from django.urls import path

from tablee.portrait import views

app_name = "portrait"

P = "portrait/"
IND = P + "indicators/<int:indicator_id>/"
N = P + "needs/<int:need_id>/"
S = P + "strengths/<int:strength_id>/"

urlpatterns = [
    path(P, views.portrait_home, name="portrait-home"),
    path(P + "indicators/new/", views.indicator_create, name="indicator-create"),
    path(P + "indicators/import/", views.indicator_import, name="indicator-import"),
    path(
        P + "indicators/import/template.<str:fmt>",
        views.indicator_import_template,
        name="indicator-import-template",
    ),
    path(IND, views.indicator_detail, name="indicator-detail"),
    path(IND + "edit/", views.indicator_edit, name="indicator-edit"),
    path(IND + "delete/", views.indicator_delete, name="indicator-delete"),
    path(IND + "values/", views.value_record, name="value-record"),
    path(IND + "values/<int:year>/delete/", views.value_delete, name="value-delete"),
    path(P + "needs/", views.need_list, name="need-list"),
    path(P + "needs/new/", views.need_create, name="need-create"),
    path(N, views.need_detail, name="need-detail"),
    path(N + "edit/", views.need_edit, name="need-edit"),
    path(N + "actions/", views.need_actions, name="need-actions"),
    path(N + "delete/", views.need_delete, name="need-delete"),
    path(N + "documents/new/", views.need_document_upload, name="need-document-upload"),
    path(P + "strengths/", views.strength_list, name="strength-list"),
    path(P + "strengths/new/", views.strength_create, name="strength-create"),
    path(S, views.strength_detail, name="strength-detail"),
    path(S + "edit/", views.strength_edit, name="strength-edit"),
    path(S + "delete/", views.strength_delete, name="strength-delete"),
    path(S + "documents/new/", views.strength_document_upload, name="strength-document-upload"),
    path(P + "documents/<int:document_id>/", views.document_download, name="document-download"),
    path(
        P + "documents/<int:document_id>/remove/",
        views.document_remove,
        name="document-remove",
    ),
]
