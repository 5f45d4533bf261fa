from django.urls import path

from tablee.polls import views

app_name = "polls"

urlpatterns = [
    path("polls/", views.poll_list, name="poll-list"),
    path("polls/new/", views.poll_create, name="poll-create"),
    path("polls/<int:poll_id>/", views.poll_detail, name="poll-detail"),
    path("polls/<int:poll_id>/vote/", views.poll_vote, name="poll-vote"),
    path("polls/<int:poll_id>/open/", views.poll_open, name="poll-open"),
    path("polls/<int:poll_id>/close/", views.poll_close, name="poll-close"),
]
