from django.urls import path

from tablee.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign-out-everywhere"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
    path("people/", views.people_list, name="people-list"),
    path("people/<int:user_id>/delete/", views.person_delete, name="person-delete"),
    path("people/<int:user_id>/restore/", views.person_restore, name="person-restore"),
]
