from django.urls import include, path
from django.views.i18n import set_language

from tablee.api.api import api
from tablee.core import views as core_views
from tablee.tables import views as table_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("tablee.accounts.urls")),
    path("invitations/<str:token>/", table_views.invitation_accept, name="invitation-accept"),
    path("t/", include("tablee.tables.urls")),
    # Each domain app mounts its table pages under /t/<table_slug>/.
    path("t/<slug:table_slug>/", include("tablee.members.urls")),
    path("t/<slug:table_slug>/", include("tablee.charters.urls")),
    path("t/<slug:table_slug>/", include("tablee.organizations.table_urls")),
    path("t/<slug:table_slug>/", include("tablee.meetings.urls")),
    path("t/<slug:table_slug>/", include("tablee.decisions.urls")),
    path("t/<slug:table_slug>/", include("tablee.polls.urls")),
    path("t/<slug:table_slug>/", include("tablee.minutes.urls")),
    path("t/<slug:table_slug>/", include("tablee.actions.urls")),
    path("t/<slug:table_slug>/", include("tablee.processes.urls")),
    path("t/<slug:table_slug>/", include("tablee.plans.urls")),
    path("t/<slug:table_slug>/", include("tablee.portrait.urls")),
    path("t/<slug:table_slug>/", include("tablee.priorities.urls")),
    path("t/<slug:table_slug>/", include("tablee.funding.urls")),
    path("t/<slug:table_slug>/", include("tablee.frameworks.urls")),
    path("t/<slug:table_slug>/", include("tablee.results.urls")),
    path("t/<slug:table_slug>/", include("tablee.reports.urls")),
    path("t/<slug:table_slug>/", include("tablee.evaluation.urls")),
    path("t/<slug:table_slug>/", include("tablee.engagement.urls")),
    path("t/<slug:table_slug>/", include("tablee.selfcheck.urls")),
    path("t/<slug:table_slug>/", include("tablee.relationsurvey.urls")),
    # Pages outside any table: signed links, calendar feeds, my actions.
    path("", include("tablee.meetings.public_urls")),
    path("", include("tablee.actions.public_urls")),
    path("organizations/", include("tablee.organizations.urls")),
    path("platform/", include("tablee.tables.platform_urls")),
    path("api/v1/", api.urls),
]

handler403 = "tablee.core.views.permission_denied"
handler404 = "tablee.core.views.page_not_found"
handler500 = "tablee.core.views.server_error"
