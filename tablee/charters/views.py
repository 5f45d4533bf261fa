"""Pages of a table's charter: read, draft step by step, comment, adopt, compare, export.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.charters import exports, selectors, services
from tablee.charters.forms import (
    AdoptForm,
    AnswerStepForm,
    ChoicesForm,
    CommentForm,
    CompareForm,
    rows_with_blanks,
)
from tablee.charters.questions import (
    FAMILY_KEYS,
    FAMILY_OF,
    QUESTIONS,
    STEPS,
    family_get,
    step_neighbours,
    step_title,
)
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view


def _flags(request: TableRequest) -> dict[str, bool]:
    table = request.table
    return {
        "can_edit": can(request.user, "charters.edit_charter", table),
        "can_comment": can(request.user, "charters.comment_charter", table),
        "can_adopt": can(request.user, "charters.adopt_charter", table),
        "can_export": can(request.user, "charters.export_charter", table),
    }


def _steps(current: str) -> list[dict]:
    return [{"key": step, "title": step_title(step), "current": step == current} for step in STEPS]


def _draft_or_redirect(request: TableRequest):
    draft = selectors.charter_draft(table=request.table)
    if draft is None:
        messages.info(request, _("There is no draft of the charter at the moment."))
    return draft


def _home(table) -> HttpResponse:
    return redirect("charters:charter-home", table_slug=table.slug)


@table_view
@require_http_methods(["GET"])
def charter_home(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.view_charter", table)
    adopted = selectors.charter_latest_adopted(table=table)
    draft = selectors.charter_draft(table=table)
    page = paginate(request, selectors.charter_version_list(table=table), per_page=20)
    context = {
        "table": table,
        "adopted": adopted,
        "draft": draft,
        "page": page,
        **_flags(request),
    }
    if adopted is not None:
        context["sections"] = selectors.charter_sections(version=adopted)
        context["structured"] = selectors.charter_structured(version=adopted)
    if draft is not None:
        context["progress"] = selectors.charter_progress(version=draft)
        context["draft_comment_count"] = sum(
            selectors.charter_comment_counts(version=draft).values()
        )
    return render(request, "charters/charter_home.html", context)


@table_view
@require_http_methods(["GET"])
def version_detail(request: TableRequest, number: int) -> HttpResponse:
    table = request.table
    require(request.user, "charters.view_charter", table)
    version = selectors.charter_version_get(table=table, number=number)
    if version is None:
        raise Http404
    return render(
        request,
        "charters/version_detail.html",
        {
            "table": table,
            "version": version,
            "sections": selectors.charter_sections(version=version),
            "structured": selectors.charter_structured(version=version),
            **_flags(request),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def draft_start(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.edit_charter", table)
    draft = selectors.charter_draft(table=table)
    if draft is not None:
        return redirect("charters:draft-step", table_slug=table.slug, step=FAMILY_KEYS[0])
    latest = selectors.charter_latest_adopted(table=table)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.charter_draft_start(table=table, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("Draft version %(number)s is open.") % {"number": draft.number}
            )
            return redirect("charters:draft-step", table_slug=table.slug, step=FAMILY_KEYS[0])
    return render(
        request, "charters/draft_start.html", {"table": table, "latest": latest, "form": form}
    )


@table_view
@require_http_methods(["GET", "POST"])
def draft_step(request: TableRequest, step: str) -> HttpResponse:
    """One family of questions: coordinators write, members read and comment."""
    table = request.table
    family = family_get(step)
    if family is None:
        raise Http404
    require(request.user, "charters.view_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    flags = _flags(request)
    if request.method == "POST":
        require(request.user, "charters.edit_charter", table)
    initial = {"revision": draft.revision}
    for question in family.questions:
        initial[question.key] = (draft.answers.get(question.key) or {}).get("text", "")
    form = AnswerStepForm(posted(request), initial=initial, family=family)
    theirs: dict[str, str] = {}
    previous, following = step_neighbours(step)
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_answer_save(
                version=draft,
                actor=request.user,
                answers=form.answers(),
                revision=form.cleaned_data["revision"],
            )
        except Conflict as error:
            theirs = error.extra.get("theirs", {})
            # Re-bind with the current revision: saving again keeps this person's text.
            data = request.POST.copy()
            data["revision"] = str(error.extra.get("revision", draft.revision))
            form = AnswerStepForm(data, family=family)
            form.is_valid()
            form.add_error(None, error.message)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your answers were saved."))
            target = following if "continue" in request.POST and following else step
            return redirect("charters:draft-step", table_slug=table.slug, step=target)
    comments = selectors.charter_comments(version=draft, question_keys=QUESTIONS)
    items = []
    for question in family.questions:
        answer = draft.answers.get(question.key) or {}
        items.append(
            {
                "question": question,
                "field": form[question.key],
                "text": answer.get("text", ""),
                "status": answer.get("status", "draft"),
                "comments": comments.get(question.key, []),
                "theirs": theirs.get(question.key),
                "has_theirs": question.key in theirs,
            }
        )
    return render(
        request,
        "charters/draft_step.html",
        {
            "table": table,
            "draft": draft,
            "family": family,
            "form": form,
            "items": items,
            "steps": _steps(step),
            "step": step,
            "previous": previous,
            "following": following,
            "comment_form": CommentForm(),
            **flags,
        },
        status=409 if theirs else 200,
    )


@table_view
@require_http_methods(["GET", "POST"])
def draft_choices(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.view_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    flags = _flags(request)
    sectors = selectors.sector_choices()
    known = {code for code, _name in sectors}
    # A sector retired after it was chosen stays visible and checked.
    sectors += [(code, code) for code in draft.needed_sectors if code not in known]
    extra_rows = 3
    if request.method == "POST":
        require(request.user, "charters.edit_charter", table)
        lines = ChoicesForm.lines_from_post(request.POST)
        form = ChoicesForm(request.POST, sectors=sectors, lines=lines)
        if "add_rows" in request.POST:
            extra_rows = 6
            form.is_valid()  # show what was typed, save nothing yet
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.charter_choices_save(
                    version=draft,
                    actor=request.user,
                    table_roles=data["table_roles"],
                    non_negotiables=lines["non_negotiables"],
                    co_constructed=lines["co_constructed"],
                    accountabilities=lines["accountabilities"],
                    needed_sectors=data["needed_sectors"],
                    needed_actor_types=data["needed_actor_types"],
                    revision=data["revision"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The structured choices were saved."))
                target = "draft-review" if "continue" in request.POST else "draft-choices"
                return redirect(f"charters:{target}", table_slug=table.slug)
    else:
        lines = ChoicesForm.lines_from_version(draft)
        form = ChoicesForm(
            initial={
                "revision": draft.revision,
                "table_roles": draft.table_roles,
                "needed_sectors": draft.needed_sectors,
                "needed_actor_types": draft.needed_actor_types,
            },
            sectors=sectors,
            lines=lines,
        )
    previous, following = step_neighbours("choices")
    return render(
        request,
        "charters/draft_choices.html",
        {
            "table": table,
            "draft": draft,
            "form": form,
            "rows": rows_with_blanks(lines, extra_rows if flags["can_edit"] else 0),
            "structured": selectors.charter_structured(version=draft),
            "steps": _steps("choices"),
            "previous": previous,
            "following": following,
            **flags,
        },
    )


@table_view
@require_http_methods(["GET"])
def draft_review(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.view_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    comments = selectors.charter_comments(version=draft)
    previous, _following = step_neighbours("review")
    return render(
        request,
        "charters/draft_review.html",
        {
            "table": table,
            "draft": draft,
            "sections": selectors.charter_sections(version=draft, comments=comments),
            "structured": selectors.charter_structured(version=draft),
            "progress": selectors.charter_progress(version=draft),
            "unproposed": selectors.charter_unproposed_questions(version=draft),
            "steps": _steps("review"),
            "previous": previous,
            **_flags(request),
        },
    )


def _family_of(question_key: str) -> str:
    return FAMILY_OF[question_key]


def _question_or_404(question_key: str):
    question = QUESTIONS.get(question_key)
    if question is None:
        raise Http404
    return question


@table_view
@require_http_methods(["GET", "POST"])
def answer_propose(request: TableRequest, question_key: str) -> HttpResponse:
    table = request.table
    question = _question_or_404(question_key)
    require(request.user, "charters.edit_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    step = _family_of(question_key)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_answer_propose(
                version=draft, actor=request.user, question_key=question_key
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The answer is proposed for adoption."))
            url = reverse("charters:draft-step", kwargs={"table_slug": table.slug, "step": step})
            return redirect(f"{url}#q-{question_key}")
    answer = draft.answers.get(question_key) or {}
    return render(
        request,
        "charters/answer_propose.html",
        {
            "table": table,
            "draft": draft,
            "question": question,
            "text": answer.get("text", ""),
            "step": step,
            "form": form,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def comment_add(request: TableRequest, question_key: str) -> HttpResponse:
    """Comment an answer; an HTMX post gets the refreshed thread back."""
    table = request.table
    question = _question_or_404(question_key)
    require(request.user, "charters.comment_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    step = _family_of(question_key)
    form = CommentForm(posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_comment_add(
                version=draft,
                actor=request.user,
                question_key=question_key,
                body=form.cleaned_data["body"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = 422
        else:
            if not request.htmx:
                messages.success(request, _("Your comment was added."))
                url = reverse(
                    "charters:draft-step", kwargs={"table_slug": table.slug, "step": step}
                )
                return redirect(f"{url}#q-{question_key}")
            form = CommentForm()
    elif request.method == "POST":
        status = 422
    comments = selectors.charter_comments(version=draft, question_keys=[question_key])
    answer = draft.answers.get(question_key) or {}
    context = {
        "table": table,
        "draft": draft,
        "question": question,
        "text": answer.get("text", ""),
        "comments": comments.get(question_key, []),
        "comment_form": form,
        "step": step,
        "can_comment": True,
    }
    template = "charters/comment_add.html"
    if request.htmx:
        template = "charters/_comments.html"
    return render(request, template, context, status=status if request.htmx else 200)


@table_view
@require_http_methods(["GET", "POST"])
def draft_adopt(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.adopt_charter", table)
    draft = _draft_or_redirect(request)
    if draft is None:
        return _home(table)
    form = AdoptForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            version = services.charter_adopt(
                version=draft, actor=request.user, adoption_note=form.cleaned_data["adoption_note"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of the charter is adopted.") % {"number": version.number},
            )
            return _home(table)
    return render(
        request,
        "charters/draft_adopt.html",
        {
            "table": table,
            "draft": draft,
            "form": form,
            "progress": selectors.charter_progress(version=draft),
            "unproposed": selectors.charter_unproposed_questions(version=draft),
            "structured": selectors.charter_structured(version=draft),
        },
    )


@table_view
@require_http_methods(["GET"])
def charter_compare(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "charters.view_charter", table)
    versions = list(selectors.charter_version_list(table=table)[:200])
    numbers = [v.number for v in versions]
    form = CompareForm(
        {"from_number": request.GET.get("from"), "to_number": request.GET.get("to")}
        if "from" in request.GET or "to" in request.GET
        else None,
        initial={
            "from_number": numbers[1] if len(numbers) > 1 else None,
            "to_number": numbers[0] if numbers else None,
        },
    )
    comparison = older = newer = None
    if form.is_bound and form.is_valid():
        older = selectors.charter_version_get(table=table, number=form.cleaned_data["from_number"])
        newer = selectors.charter_version_get(table=table, number=form.cleaned_data["to_number"])
        if older is None:
            form.add_error("from_number", _("This version does not exist."))
        if newer is None:
            form.add_error("to_number", _("This version does not exist."))
        if older is not None and newer is not None:
            comparison = selectors.charter_compare(older=older, newer=newer)
    return render(
        request,
        "charters/charter_compare.html",
        {
            "table": table,
            "versions": versions,
            "form": form,
            "older": older,
            "newer": newer,
            "comparison": comparison,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _export(request: TableRequest, number: int, fmt: str) -> HttpResponse:
    table = request.table
    require(request.user, "charters.export_charter", table)
    version = selectors.charter_version_get(table=table, number=number)
    if version is None:
        raise Http404
    content = exports.build(version=version, fmt=fmt)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    filename = exports.filename(version=version, fmt=fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@table_view
@require_http_methods(["GET"])
def version_export_pdf(request: TableRequest, number: int) -> HttpResponse:
    return _export(request, number, "pdf")


@table_view
@require_http_methods(["GET"])
def version_export_docx(request: TableRequest, number: int) -> HttpResponse:
    return _export(request, number, "docx")
