from django.urls import path

from tablee.members import views

app_name = "members"

urlpatterns = [
    path("seats/", views.seat_list, name="seat-list"),
    path("seats/new/", views.seat_create, name="seat-create"),
    path("seats/import/", views.seat_import, name="seat-import"),
    path(
        "seats/import/template.<str:fmt>", views.seat_import_template, name="seat-import-template"
    ),
    path("seats/export.<str:fmt>", views.seat_export, name="seat-export"),
    path("seats/<int:seat_id>/", views.seat_detail, name="seat-detail"),
    path("seats/<int:seat_id>/edit/", views.seat_edit, name="seat-edit"),
    path("seats/<int:seat_id>/assign/", views.seat_assign, name="seat-assign"),
    path("seats/<int:seat_id>/handover/", views.seat_handover, name="seat-handover"),
    path("seats/<int:seat_id>/end-holder/", views.seat_end_holder, name="seat-end-holder"),
    path("seats/<int:seat_id>/close/", views.seat_close, name="seat-close"),
    path("seats/<int:seat_id>/reopen/", views.seat_reopen, name="seat-reopen"),
    path("committees/", views.committee_list, name="committee-list"),
    path("committees/new/", views.committee_create, name="committee-create"),
    path("committees/<int:committee_id>/", views.committee_detail, name="committee-detail"),
    path("committees/<int:committee_id>/edit/", views.committee_edit, name="committee-edit"),
    path("committees/<int:committee_id>/close/", views.committee_close, name="committee-close"),
    path(
        "committees/<int:committee_id>/members/add/",
        views.committee_member_add,
        name="committee-member-add",
    ),
    path(
        "committees/<int:committee_id>/members/<int:member_id>/remove/",
        views.committee_member_remove,
        name="committee-member-remove",
    ),
    path("directory/", views.directory, name="directory"),
    path("coverage/", views.coverage, name="coverage"),
    path("welcome/", views.onboarding, name="onboarding"),
    path("turnover/", views.turnover, name="turnover"),
]
