"""Pages of a person's own account, their API tokens, and the platform's people.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.accounts import selectors, services
from tablee.accounts.forms import ApiTokenCreateForm, ProfileForm
from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, SearchForm, add_domain_error
from tablee.core.pagination import paginate
from tablee.core.permissions import require


def _confirm_form(request: HttpRequest) -> ConfirmForm:
    # Bound on every POST: a confirmation carries no field besides the CSRF
    # token, so `request.POST or None` would leave an empty POST unbound.
    return ConfirmForm(request.POST if request.method == "POST" else None)


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    """Remember the language the way Django's set_language view does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(user, "accounts.view_profile")
    card = getattr(user, "contact_card", None)
    form = ProfileForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "language": user.language,
            "phone": card.phone if card else "",
            "job_title": card.job_title if card else "",
            "directory_consent": card.directory_consent if card else False,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(
                user=user,
                actor=user,
                full_name=form.cleaned_data["full_name"],
                language=form.cleaned_data["language"],
                phone=form.cleaned_data["phone"],
                job_title=form.cleaned_data["job_title"],
                directory_consent=form.cleaned_data["directory_consent"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            # The confirmation already reads in the language just chosen.
            translation.activate(user.language)
            messages.success(request, _("Your profile was saved."))
            response = redirect("accounts:profile")
            _set_language_cookie(response, user.language)
            return response
    memberships = list(selectors.user_membership_list(user=user))
    return render(request, "accounts/profile.html", {"form": form, "memberships": memberships})


@login_required
@require_http_methods(["GET", "POST"])
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.view_profile")
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        services.user_sign_out_everywhere(user=request.user, actor=request.user)
        logout(request)
        messages.success(
            request, _("You were signed out on every device. Sign in again to continue.")
        )
        return redirect(settings.LOGIN_URL)
    return render(request, "accounts/sign_out_everywhere.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.manage_tokens")
    form = ApiTokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            # The secret is rendered in this response and kept nowhere else, so
            # there is no redirect (it would need the secret in the session) and
            # no caching (a Back button must not show it again).
            response = render(
                request, "accounts/token_created.html", {"token": token, "raw_token": raw}
            )
            add_never_cache_headers(response)
            return response
    tokens = list(selectors.api_token_list(user=request.user))
    return render(request, "accounts/token_list.html", {"form": form, "tokens": tokens})


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    require(request.user, "accounts.manage_tokens")
    # Only the person's own tokens are looked up: anyone else's is a 404.
    token = selectors.api_token_get(user=request.user, token_id=token_id)
    if token is None:
        raise Http404
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.api_token_revoke(token=token, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The token “%(name)s” was revoked.") % {"name": token.name}
            )
            return redirect("accounts:token-list")
    return render(request, "accounts/token_revoke.html", {"token": token, "form": form})


@login_required
@require_http_methods(["GET"])
def people_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.list_people")
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    show_deleted = request.GET.get("show") == "deleted"
    page = paginate(
        request, selectors.person_list(search=query, deleted=show_deleted), per_page=50
    )
    return render(
        request,
        "accounts/people_list.html",
        {"page": page, "search": search, "query": query, "show_deleted": show_deleted},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, "accounts.list_people")
    person = selectors.person_get(user_id=user_id, deleted=False)
    if person is None:
        raise Http404
    require(request.user, "accounts.delete_person", person)
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_delete(user=person, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(person)s was deleted. You can restore their account later.")
                % {"person": person},
            )
            return redirect("accounts:people-list")
    return render(request, "accounts/person_delete.html", {"person": person, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def person_restore(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, "accounts.list_people")
    person = selectors.person_get(user_id=user_id, deleted=True)
    if person is None:
        raise Http404
    require(request.user, "accounts.restore_person", person)
    form = _confirm_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_restore(user=person, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("%(person)s was restored.") % {"person": person})
            return redirect("accounts:people-list")
    return render(request, "accounts/person_restore.html", {"person": person, "form": form})
