from django.urls import path

from tablee.minutes import views

app_name = "minutes"

_BASE = "meetings/<int:meeting_id>/minutes/"

urlpatterns = [
    path(_BASE, views.minutes_detail, name="minutes-detail"),
    path(_BASE + "generate/", views.minutes_generate, name="minutes-generate"),
    path(_BASE + "edit/", views.minutes_edit, name="minutes-edit"),
    path(_BASE + "circulate/", views.minutes_circulate, name="minutes-circulate"),
    path(_BASE + "comments/", views.minutes_comment, name="minutes-comment"),
    path(_BASE + "adopt/", views.minutes_adopt, name="minutes-adopt"),
    path(_BASE + "errata/new/", views.erratum_create, name="erratum-create"),
    path(_BASE + "export.pdf", views.minutes_pdf, name="minutes-pdf"),
    path(_BASE + "export.docx", views.minutes_docx, name="minutes-docx"),
]
