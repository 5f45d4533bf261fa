from django.urls import path

from tablee.priorities import views

app_name = "priorities"

_P = "processes/<slug:process_slug>/"
_R = _P + "priorities/<int:round_id>/"

urlpatterns = [
    path(_P + "vision/", views.vision, name="vision"),
    path(_P + "vision/start/", views.vision_start, name="vision-start"),
    path(_P + "vision/draft/", views.vision_draft, name="vision-draft"),
    path(_P + "vision/draft/comments/", views.vision_comment, name="vision-comment"),
    path(_P + "vision/draft/propose/", views.vision_propose, name="vision-propose"),
    path(_P + "vision/draft/adopt/", views.vision_adopt, name="vision-adopt"),
    path(_P + "vision/compare/", views.vision_compare, name="vision-compare"),
    path(_P + "vision/v/<int:number>/", views.vision_version, name="vision-version"),
    path(_P + "priorities/", views.round_list, name="round-list"),
    path(_P + "priorities/new/", views.round_create, name="round-create"),
    path(_R, views.round_detail, name="round-detail"),
    path(_R + "edit/", views.round_edit, name="round-edit"),
    path(_R + "rate/", views.round_rate, name="round-rate"),
    path(_R + "results/", views.round_results, name="round-results"),
    path(_R + "adopt/", views.round_adopt, name="round-adopt"),
    path(_R + "candidates/new/", views.candidate_add, name="candidate-add"),
    path(
        _R + "candidates/<int:candidate_id>/edit/",
        views.candidate_edit,
        name="candidate-edit",
    ),
    path(
        _R + "candidates/<int:candidate_id>/remove/",
        views.candidate_remove,
        name="candidate-remove",
    ),
]
