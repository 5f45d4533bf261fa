from django.urls import path

from tablee.evaluation import views

app_name = "evaluation"

_C = "evaluations/<int:campaign_id>/"

urlpatterns = [
    path("evaluations/", views.campaign_list, name="campaign-list"),
    path("evaluations/new/", views.campaign_create, name="campaign-create"),
    path(_C, views.campaign_detail, name="campaign-detail"),
    path(_C + "edit/", views.campaign_edit, name="campaign-edit"),
    path(_C + "delete/", views.campaign_delete, name="campaign-delete"),
    path(_C + "answer/", views.campaign_answer, name="campaign-answer"),
    path(_C + "results/", views.campaign_results, name="campaign-results"),
    path(_C + "results.xlsx", views.campaign_export, name="campaign-export"),
    path(_C + "group-answer/", views.campaign_group_answer, name="campaign-group-answer"),
    path(_C + "compare/", views.campaign_compare, name="campaign-compare"),
    path(_C + "discussion/", views.campaign_discussion, name="campaign-discussion"),
    path("evaluations/link/<str:token>/", views.external_answer, name="external-answer"),
    path("evaluations/shared/<str:token>/", views.shared_results, name="shared-results"),
]
