from django.urls import path

from tablee.decisions import views

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.decision_list, name="decision-list"),
    path("decisions/new/", views.decision_create, name="decision-create"),
    path("decisions/<int:decision_id>/", views.decision_detail, name="decision-detail"),
    path("decisions/<int:decision_id>/amend/", views.decision_amend, name="decision-amend"),
    path(
        "decisions/<int:decision_id>/supersede/",
        views.decision_supersede,
        name="decision-supersede",
    ),
]
