from django.urls import path

from tablee.selfcheck import views

app_name = "selfcheck"

urlpatterns = [
    path("conditions/", views.selfcheck_list, name="selfcheck-list"),
    path("conditions/new/", views.selfcheck_start, name="selfcheck-start"),
    path("conditions/<int:check_id>/", views.selfcheck_detail, name="selfcheck-detail"),
    path(
        "conditions/<int:check_id>/cards/<int:card_id>/",
        views.card_update,
        name="card-update",
    ),
    path(
        "conditions/<int:check_id>/cards/<int:card_id>/plan/",
        views.card_plan,
        name="card-plan",
    ),
    path(
        "conditions/<int:check_id>/complete/", views.selfcheck_complete, name="selfcheck-complete"
    ),
    path("conditions/<int:check_id>/profile/", views.selfcheck_profile, name="selfcheck-profile"),
]
