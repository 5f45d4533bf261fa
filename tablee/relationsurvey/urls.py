from django.urls import path

from tablee.relationsurvey import views

app_name = "relationsurvey"

_W = "relation-surveys/<int:wave_id>/"

urlpatterns = [
    path("relation-surveys/", views.wave_list, name="wave-list"),
    path("relation-surveys/new/", views.wave_create, name="wave-create"),
    path(_W, views.wave_detail, name="wave-detail"),
    path(_W + "edit/", views.wave_edit, name="wave-edit"),
    path(_W + "delete/", views.wave_delete, name="wave-delete"),
    path(_W + "answer/", views.wave_answer, name="wave-answer"),
    path(
        _W + "organizations/<int:organization_id>/enter/",
        views.answers_enter,
        name="answers-enter",
    ),
    path(_W + "results/", views.wave_results, name="wave-results"),
    path(_W + "compare/", views.wave_compare, name="wave-compare"),
]
