from django.urls import path

from tablee.engagement import views

app_name = "engagement"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("health/mobilisation/", views.mobilisation, name="mobilisation"),
    path("health/settings/", views.health_settings, name="settings"),
]
