"""Pages outside any table: signed links and calendar feeds."""

from django.urls import path

from tablee.meetings import views

app_name = "meetings_public"

urlpatterns = [
    path("meetings/availability/<str:token>/", views.availability_public, name="availability"),
    path("meetings/reply/<str:token>/", views.reply_public, name="reply"),
    path("calendar/", views.my_calendar, name="my-calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]
