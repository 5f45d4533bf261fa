from django.urls import path

from tablee.meetings import views

app_name = "meetings"

M = "meetings/<int:meeting_id>/"

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/rules/", views.meeting_rules, name="meeting-rules"),
    path("meetings/calendar/", views.table_calendar, name="table-calendar"),
    path(M, views.meeting_detail, name="meeting-detail"),
    path(M + "edit/", views.meeting_edit, name="meeting-edit"),
    path(M + "cancel/", views.meeting_cancel, name="meeting-cancel"),
    path(M + "convene/", views.meeting_convene, name="meeting-convene"),
    path(M + "circulate/", views.meeting_circulate, name="meeting-circulate"),
    path(M + "invite.ics", views.meeting_ics, name="meeting-ics"),
    path(M + "dates/", views.meeting_dates, name="meeting-dates"),
    path(M + "reply/", views.meeting_reply, name="meeting-reply"),
    path(M + "items/new/", views.item_create, name="item-create"),
    path(M + "items/propose/", views.item_propose, name="item-propose"),
    path(M + "items/<int:item_id>/edit/", views.item_edit, name="item-edit"),
    path(M + "items/<int:item_id>/remove/", views.item_remove, name="item-remove"),
    path(M + "items/<int:item_id>/move/", views.item_move, name="item-move"),
    path(M + "items/<int:item_id>/accept/", views.item_accept, name="item-accept"),
    path(M + "items/<int:item_id>/documents/new/", views.document_upload, name="document-upload"),
    path(M + "documents/<int:document_id>/", views.document_download, name="document-download"),
    path(M + "documents/<int:document_id>/remove/", views.document_remove, name="document-remove"),
    path(M + "attendance/", views.meeting_attendance, name="meeting-attendance"),
    path(M + "run/", views.meeting_run, name="meeting-run"),
    path(M + "live/", views.meeting_live, name="meeting-live"),
]
