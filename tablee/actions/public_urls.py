from django.urls import path

from tablee.actions import views

app_name = "actions_public"

urlpatterns = [
    path("my-actions/", views.my_actions, name="my-actions"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
