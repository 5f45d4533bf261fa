from django.urls import path

from tablee.results import views

app_name = "results"

_BASE = "processes/<slug:process_slug>/indicators/"

urlpatterns = [
    path(_BASE, views.indicator_list, name="indicator-list"),
    path(f"{_BASE}new/", views.indicator_create, name="indicator-create"),
    path(f"{_BASE}<int:indicator_id>/", views.indicator_detail, name="indicator-detail"),
    path(f"{_BASE}<int:indicator_id>/edit/", views.indicator_edit, name="indicator-edit"),
    path(f"{_BASE}<int:indicator_id>/delete/", views.indicator_delete, name="indicator-delete"),
    path(f"{_BASE}<int:indicator_id>/values/new/", views.measure_create, name="measure-create"),
    path(
        f"{_BASE}<int:indicator_id>/values/<int:measure_id>/delete/",
        views.measure_delete,
        name="measure-delete",
    ),
]
