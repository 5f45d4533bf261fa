from django.urls import path

from tablee.reports import views

app_name = "reports"

P = "processes/<slug:process_slug>/"

urlpatterns = [
    path("annual-report/", views.annual_report, name="annual-report"),
    path("annual-report/<int:year>/sections/", views.annual_text, name="annual-text"),
    path(f"{P}report/", views.report, name="report"),
    path(f"{P}report/import/", views.plan_import, name="plan-import"),
]
