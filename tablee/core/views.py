from django.contrib import messages
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("tables:table-list")
    return render(request, "core/home.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report whether the database answers and every migration is applied."""
    database_ok = True
    migrations_ok = False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        migrations_ok = not plan
    except DatabaseError:
        database_ok = False
    healthy = database_ok and migrations_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "unhealthy",
            "database": database_ok,
            "migrations_applied": migrations_ok,
        },
        status=200 if healthy else 503,
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may come from one of them.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request_path": request.path}), status=500)


def confirm_delete(
    request: HttpRequest,
    *,
    template: str,
    context: dict,
    blocked: bool,
    delete,
    done_message: str,
    done_url: str,
) -> HttpResponse:
    """Ask, then delete: GET shows the confirmation, POST calls `delete()`.

    `blocked` says the object must stay (the page explains why); a refusal
    from the service is shown on the form with status 409.
    """
    from tablee.core.errors import DomainError
    from tablee.core.forms import ConfirmForm, add_domain_error, posted

    form = ConfirmForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 409
        if form.is_valid():
            try:
                delete()
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, done_message)
                return redirect(done_url)
    return render(request, template, {**context, "form": form, "blocked": blocked}, status=status)
