"""The REST API under /api/v1/: one NinjaAPI, one router per app.

Every error answers with the same shape, {"code", "message", "extra"}, and a
translated message, so a client can show it as is.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.openapi.docs import DocsBase

from tablee.accounts.api import router as me_router
from tablee.actions.api import router as actions_router
from tablee.api.auth import ApiTokenAuth
from tablee.api.tables import router as tables_router
from tablee.charters.api import router as charters_router
from tablee.core.errors import DomainError
from tablee.decisions.api import router as decisions_router
from tablee.engagement.api import router as engagement_router
from tablee.evaluation.api import router as evaluation_router
from tablee.frameworks.api import router as frameworks_router
from tablee.funding.api import router as funding_router
from tablee.meetings.api import router as meetings_router
from tablee.members.api import router as members_router
from tablee.minutes.api import router as minutes_router
from tablee.organizations.api import router as organizations_router
from tablee.plans.api import router as plans_router
from tablee.polls.api import router as polls_router
from tablee.portrait.api import router as portrait_router
from tablee.priorities.api import router as priorities_router
from tablee.processes.api import router as processes_router
from tablee.relationsurvey.api import router as relationsurvey_router
from tablee.reports.api import router as reports_router
from tablee.results.api import router as results_router
from tablee.selfcheck.api import router as selfcheck_router


class LocalSwagger(DocsBase):
    """Swagger UI served from our static files, started by a static script.

    Ninja's own page loads Swagger from a CDN and starts it with an inline
    script; the Content-Security-Policy forbids both, and a CDN breaks offline.
    """

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs) -> HttpResponse:
        return render(
            request,
            "ninja/swagger_local.html",
            {"api": api, "openapi_url": self.get_openapi_url(api, kwargs)},
        )


api = NinjaAPI(
    title="Tablée API",
    version="1.0.0",
    description=(
        "Read Tablée with a personal API token (create one on your profile), sent as "
        "`Authorization: Bearer <token>`. You see exactly what you see in the pages."
    ),
    urls_namespace="api",
    auth=ApiTokenAuth(),
    docs=LocalSwagger(),
)
api.add_router("/", me_router)
api.add_router("/", tables_router)
api.add_router("/", organizations_router)
api.add_router("/", members_router)
api.add_router("/", charters_router)
api.add_router("/", meetings_router)
api.add_router("/", decisions_router)
api.add_router("/", polls_router)
api.add_router("/", minutes_router)
api.add_router("/", actions_router)
api.add_router("/", processes_router)
api.add_router("/", plans_router)
api.add_router("/", portrait_router)
api.add_router("/", priorities_router)
api.add_router("/", funding_router)
api.add_router("/", frameworks_router)
api.add_router("/", reports_router)
api.add_router("/", results_router)
api.add_router("/", evaluation_router)
api.add_router("/", engagement_router)
api.add_router("/", selfcheck_router)
api.add_router("/", relationsurvey_router)


def _error(request: HttpRequest, status: int, code: str, message: str, extra=None):
    return api.create_response(
        request, {"code": code, "message": str(message), "extra": extra or {}}, status=status
    )


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _error(request, 409, exc.code, exc.message, exc.extra)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, "forbidden", _("You are not allowed to do this."))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", _("Nothing was found at this address."))


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(
        request,
        422,
        "invalid_request",
        _("Some values of the request are missing or invalid; see extra.errors."),
        {"errors": exc.errors},
    )


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(
        request,
        401,
        "unauthenticated",
        _("Send a valid personal API token: Authorization: Bearer <token>."),
    )
    response["WWW-Authenticate"] = "Bearer"
    return response
