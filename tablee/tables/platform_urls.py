from django.urls import path

from tablee.tables import views

app_name = "platform"

urlpatterns = [
    path("tables/", views.platform_tables, name="table-list"),
    path("tables/<int:table_id>/restore/", views.table_restore, name="table-restore"),
    path("audit/", views.platform_audit, name="audit-log"),
]
