from django.urls import path

from tablee.organizations import views

app_name = "relations"

urlpatterns = [
    path("relations/", views.relation_list, name="relation-list"),
    path("relations/new/", views.relation_create, name="relation-create"),
    path("relations/network/", views.relation_network_view, name="relation-network"),
    path("relations/<int:relation_id>/", views.relation_history, name="relation-history"),
    path("relations/<int:relation_id>/change/", views.relation_change, name="relation-change"),
    path("relations/<int:relation_id>/end/", views.relation_end, name="relation-end"),
    path(
        "relations/<int:relation_id>/document/",
        views.relation_document,
        name="relation-document",
    ),
]
