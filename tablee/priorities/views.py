"""Pages of a process's common vision and prioritisation rounds.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.priorities import selectors, services, stats
from tablee.priorities.forms import (
    AdoptForm,
    CandidateForm,
    CommentForm,
    CompareForm,
    RatingsForm,
    RoundForm,
    StatementForm,
)
from tablee.priorities.models import RoundMethod


def _process(request: TableRequest, process_slug: str, perm: str):
    process = selectors.process_get(table=request.table, process_slug=process_slug)
    if process is None:
        raise Http404
    require(request.user, perm, process)
    return process


def _context(request: TableRequest, process, tab: str, **extra) -> dict:
    return {
        "table": request.table,
        "process": process,
        **extra,
    }


def _adoption_input(form: AdoptForm) -> services.AdoptionInput:
    data = form.cleaned_data
    return services.AdoptionInput(
        decided_on=data["decided_on"],
        modality=data["modality"],
        votes_for=data["votes_for"],
        votes_against=data["votes_against"],
        abstentions=data["abstentions"],
        objections=data["objections"],
        note=data["note"],
    )


# --- vision ----------------------------------------------------------------


def _vision_flags(request: TableRequest, process) -> dict[str, bool]:
    return {
        "can_edit": can(request.user, "priorities.edit_vision", process),
        "can_comment": can(request.user, "priorities.comment_vision", process),
        "can_adopt": can(request.user, "priorities.adopt_vision", process),
    }


def _vision_home(process) -> HttpResponse:
    return redirect("priorities:vision", table_slug=process.table.slug, process_slug=process.slug)


@table_view
@require_http_methods(["GET"])
def vision(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_vision")
    page = paginate(request, selectors.vision_version_list(process=process), per_page=20)
    return render(
        request,
        "priorities/vision.html",
        _context(
            request,
            process,
            "vision",
            adopted=selectors.vision_latest_adopted(process=process),
            draft=selectors.vision_in_progress(process=process),
            page=page,
            **_vision_flags(request, process),
        ),
    )


@table_view
@require_http_methods(["GET", "POST"])
def vision_start(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.edit_vision")
    if selectors.vision_in_progress(process=process) is not None:
        return redirect(
            "priorities:vision-draft", table_slug=request.table.slug, process_slug=process.slug
        )
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.vision_draft_start(process=process, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("Version %(number)s of the vision is open.") % {"number": draft.number}
            )
            return redirect(
                "priorities:vision-draft", table_slug=request.table.slug, process_slug=process.slug
            )
    return render(
        request,
        "priorities/vision_start.html",
        _context(
            request,
            process,
            "vision",
            form=form,
            latest=selectors.vision_latest_adopted(process=process),
        ),
    )


def _draft_or_redirect(request: TableRequest, process):
    draft = selectors.vision_in_progress(process=process)
    if draft is None:
        messages.info(request, _("No version of the vision is being written at the moment."))
    return draft


@table_view
@require_http_methods(["GET", "POST"])
def vision_draft(request: TableRequest, process_slug: str) -> HttpResponse:
    """The version being written: coordinators edit, members read and comment."""
    process = _process(request, process_slug, "priorities.view_vision")
    if request.method == "POST":
        require(request.user, "priorities.edit_vision", process)
    draft = _draft_or_redirect(request, process)
    if draft is None:
        return _vision_home(process)
    form = StatementForm(
        posted(request), initial={"statement": draft.statement, "revision": draft.revision}
    )
    theirs = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_statement_save(
                version=draft,
                actor=request.user,
                statement=form.cleaned_data["statement"],
                revision=form.cleaned_data["revision"],
            )
        except Conflict as error:
            theirs = error.extra.get("theirs", {}).get("statement", "")
            data = request.POST.copy()
            data["revision"] = str(error.extra.get("revision", draft.revision))
            form = StatementForm(data)
            form.is_valid()
            form.add_error(None, error.message)
            status = 409
        except DomainError as error:
            add_domain_error(form, error)
            status = 400
        else:
            messages.success(request, _("The vision was saved."))
            return redirect(
                "priorities:vision-draft", table_slug=request.table.slug, process_slug=process.slug
            )
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "priorities/vision_draft.html",
        _context(
            request,
            process,
            "vision",
            draft=draft,
            form=form,
            theirs=theirs,
            comments=selectors.vision_comments(version=draft),
            comment_form=CommentForm(),
            **_vision_flags(request, process),
        ),
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def vision_comment(request: TableRequest, process_slug: str) -> HttpResponse:
    """Comment the version being written; an HTMX post gets the thread back."""
    process = _process(request, process_slug, "priorities.comment_vision")
    draft = _draft_or_redirect(request, process)
    if draft is None:
        return _vision_home(process)
    form = CommentForm(posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_comment_add(
                version=draft, actor=request.user, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = 422
        else:
            if not request.htmx:
                messages.success(request, _("Your comment was added."))
                return redirect(
                    "priorities:vision-draft",
                    table_slug=request.table.slug,
                    process_slug=process.slug,
                )
            form = CommentForm()
    elif request.method == "POST":
        status = 422
    template = "priorities/vision_comment.html"
    if request.htmx:
        template += "#comments"
    return render(
        request,
        template,
        _context(
            request,
            process,
            "vision",
            draft=draft,
            comments=selectors.vision_comments(version=draft),
            comment_form=form,
            can_comment=True,
        ),
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def vision_propose(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.edit_vision")
    draft = _draft_or_redirect(request, process)
    if draft is None:
        return _vision_home(process)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_propose(version=draft, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The vision is proposed for adoption."))
            return _vision_home(process)
    return render(
        request,
        "priorities/vision_propose.html",
        _context(request, process, "vision", draft=draft, form=form),
    )


@table_view
@require_http_methods(["GET", "POST"])
def vision_adopt(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.adopt_vision")
    draft = _draft_or_redirect(request, process)
    if draft is None:
        return _vision_home(process)
    form = AdoptForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            version = services.vision_adopt(
                version=draft, actor=request.user, adoption=_adoption_input(form)
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of the vision is adopted (decision no. %(decision)s).")
                % {"number": version.number, "decision": version.decision.number},
            )
            return _vision_home(process)
    return render(
        request,
        "priorities/vision_adopt.html",
        _context(request, process, "vision", draft=draft, form=form),
        status=400 if form.is_bound and form.errors else 200,
    )


@table_view
@require_http_methods(["GET"])
def vision_version(request: TableRequest, process_slug: str, number: int) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_vision")
    version = selectors.vision_version_get(process=process, number=number)
    if version is None:
        raise Http404
    return render(
        request,
        "priorities/vision_version.html",
        _context(request, process, "vision", version=version),
    )


@table_view
@require_http_methods(["GET"])
def vision_compare(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_vision")
    versions = list(selectors.vision_version_list(process=process)[:200])
    numbers = [v.number for v in versions]
    bound = "from" in request.GET or "to" in request.GET
    form = CompareForm(
        {"from_number": request.GET.get("from"), "to_number": request.GET.get("to")}
        if bound
        else None,
        initial={
            "from_number": numbers[1] if len(numbers) > 1 else None,
            "to_number": numbers[0] if numbers else None,
        },
    )
    segments = older = newer = None
    if form.is_bound and form.is_valid():
        older = selectors.vision_version_get(
            process=process, number=form.cleaned_data["from_number"]
        )
        newer = selectors.vision_version_get(
            process=process, number=form.cleaned_data["to_number"]
        )
        if older is None:
            form.add_error("from_number", _("This version does not exist."))
        if newer is None:
            form.add_error("to_number", _("This version does not exist."))
        if older is not None and newer is not None:
            segments = selectors.vision_compare(older=older, newer=newer)
    return render(
        request,
        "priorities/vision_compare.html",
        _context(
            request,
            process,
            "vision",
            versions=versions,
            form=form,
            older=older,
            newer=newer,
            segments=segments,
            changed=any(s.op != "equal" for s in segments or []),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


# --- rounds ----------------------------------------------------------------


def _round(request: TableRequest, process, round_id: int, perm: str):
    round = selectors.round_get(process=process, round_id=round_id)
    if round is None:
        raise Http404
    require(request.user, perm, round)
    return round


def _round_redirect(request: TableRequest, process, round) -> HttpResponse:
    return redirect(
        "priorities:round-detail",
        table_slug=request.table.slug,
        process_slug=process.slug,
        round_id=round.pk,
    )


def _round_flags(request: TableRequest, round) -> dict:
    user = request.user
    return {
        "state": selectors.round_state(round),
        "can_edit": can(user, "priorities.edit_round", round),
        "can_rate": can(user, "priorities.rate_round", round),
        "can_see_results": can(user, "priorities.view_round_results", round),
        "can_see_progress": can(user, "priorities.view_round_progress", round),
        "can_adopt": can(user, "priorities.adopt_round", round),
    }


@table_view
@require_http_methods(["GET"])
def round_list(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    page = paginate(request, selectors.round_list(process=process), per_page=20)
    for item in page.object_list:
        item.state = selectors.round_state(item)
    return render(
        request,
        "priorities/round_list.html",
        _context(
            request,
            process,
            "priorities",
            page=page,
            can_create=can(request.user, "priorities.create_round", process),
        ),
    )


def _round_form(request: TableRequest, initial: dict | None = None) -> RoundForm:
    return RoundForm(
        posted(request), initial=initial, polls=selectors.dot_poll_choices(table=request.table)
    )


def _round_input(request: TableRequest, form: RoundForm) -> services.RoundInput | None:
    data = form.cleaned_data
    poll = None
    if data["poll"] is not None:
        poll = selectors.dot_poll_get(table=request.table, poll_id=data["poll"])
        if poll is None:
            form.add_error("poll", _("Choose one of the listed polls."))
            return None
    return services.RoundInput(
        title=data["title"],
        description=data["description"],
        method=data["method"],
        opens_at=data["opens_at"],
        closes_at=data["closes_at"],
        criteria=form.criteria_lines(),
        poll=poll,
    )


@table_view
@require_http_methods(["GET", "POST"])
def round_create(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process(request, process_slug, "priorities.create_round")
    form = _round_form(request)
    if request.method == "POST" and form.is_valid():
        data = _round_input(request, form)
        if data is not None:
            try:
                round = services.round_create(process=process, actor=request.user, data=data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request, _("The round is created. Add the candidates to rate next.")
                )
                return _round_redirect(request, process, round)
    return render(
        request,
        "priorities/round_form.html",
        _context(request, process, "priorities", form=form, round=None),
        status=400 if form.is_bound and form.errors else 200,
    )


@table_view
@require_http_methods(["GET", "POST"])
def round_edit(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.edit_round")
    form = _round_form(
        request,
        initial={
            "title": round.title,
            "description": round.description,
            "method": round.method,
            "opens_at": round.opens_at,
            "closes_at": round.closes_at,
            "criteria": "\n".join(c.label for c in round.criteria.all()),
            "poll": round.poll_id,
            "revision": round.revision,
        },
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = _round_input(request, form)
        if data is not None:
            try:
                services.round_update(
                    round=round,
                    actor=request.user,
                    data=data,
                    revision=form.cleaned_data["revision"],
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = 409 if isinstance(error, Conflict) else 400
            else:
                messages.success(request, _("The round was saved."))
                return _round_redirect(request, process, round)
    if form.is_bound and form.errors and status == 200:
        status = 400
    return render(
        request,
        "priorities/round_form.html",
        _context(request, process, "priorities", form=form, round=round),
        status=status,
    )


@table_view
@require_http_methods(["GET"])
def round_detail(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.view_round")
    flags = _round_flags(request, round)
    context = _context(request, process, "priorities", round=round, **flags)
    if flags["can_see_results"]:
        context["results"] = selectors.round_results(round=round)
    elif flags["can_see_progress"] and round.method == RoundMethod.RATINGS:
        context["progress"] = selectors.round_progress(round=round)
    if flags["can_rate"]:
        context["my_count"] = len(selectors.my_ratings(round=round, user=request.user))
    return render(request, "priorities/round_detail.html", context)


@table_view
@require_http_methods(["GET", "POST"])
def round_rate(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    """A member's own ratings: shown prefilled, changeable until the round closes."""
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.rate_round")
    mine = selectors.my_ratings(round=round, user=request.user)
    initial = {RatingsForm.key(cand, crit): str(score) for (cand, crit), score in mine.items()}
    form = RatingsForm(posted(request), initial=initial, round=round)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            total = services.ratings_save(round=round, actor=request.user, scores=form.scores())
        except DomainError as error:
            add_domain_error(form, error)
            status = 400
        else:
            messages.success(
                request,
                _("Your ratings were saved (%(count)s in all). You can change them until closing.")
                % {"count": total},
            )
            return _round_redirect(request, process, round)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "priorities/round_rate.html",
        _context(
            request,
            process,
            "priorities",
            round=round,
            form=form,
            rows=form.rows(),
            criteria=form.criteria,
        ),
        status=status,
    )


@table_view
@require_http_methods(["GET"])
def round_results(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    """Ranked results after closing; during the window, progress for coordinators."""
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.view_round")
    flags = _round_flags(request, round)
    # Members reach the page during the window too: it says when results come.
    context = _context(
        request,
        process,
        "priorities",
        round=round,
        threshold=stats.DISAGREEMENT_SD,
        **flags,
    )
    if flags["can_see_results"]:
        context["results"] = selectors.round_results(round=round)
    elif flags["can_see_progress"] and round.method == RoundMethod.RATINGS:
        context["progress"] = selectors.round_progress(round=round)
    return render(request, "priorities/round_results.html", context)


@table_view
@require_http_methods(["GET", "POST"])
def round_adopt(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.adopt_round")
    form = AdoptForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            adopted = services.round_adopt(
                round=round, actor=request.user, adoption=_adoption_input(form)
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("The ranked list is adopted (decision no. %(decision)s).")
                % {"decision": adopted.decision.number},
            )
            return _round_redirect(request, process, round)
    return render(
        request,
        "priorities/round_adopt.html",
        _context(
            request,
            process,
            "priorities",
            round=round,
            form=form,
            results=selectors.round_results(round=round),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


def _candidate_form(request: TableRequest, process, initial=None) -> CandidateForm:
    return CandidateForm(
        posted(request),
        initial=initial,
        objectives=selectors.objective_choices(process=process),
        actions=selectors.plan_action_choices(process=process),
    )


def _candidate_input(process, form: CandidateForm) -> services.CandidateInput | None:
    data = form.cleaned_data
    objective = action = None
    if data["objective"] is not None:
        objective = selectors.objective_get(process=process, objective_id=data["objective"])
        if objective is None:
            form.add_error("objective", _("Choose one of the listed values."))
    if data["plan_action"] is not None:
        action = selectors.plan_action_get(process=process, action_id=data["plan_action"])
        if action is None:
            form.add_error("plan_action", _("Choose one of the listed values."))
    if form.errors:
        return None
    return services.CandidateInput(
        title=data["title"],
        description=data["description"],
        objective=objective,
        plan_action=action,
    )


@table_view
@require_http_methods(["GET", "POST"])
def candidate_add(request: TableRequest, process_slug: str, round_id: int) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.edit_round")
    form = _candidate_form(request, process)
    if request.method == "POST" and form.is_valid():
        data = _candidate_input(process, form)
        if data is not None:
            try:
                services.candidate_add(round=round, actor=request.user, data=data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The candidate was added."))
                if "another" in request.POST:
                    return redirect(request.path)
                return _round_redirect(request, process, round)
    return render(
        request,
        "priorities/candidate_form.html",
        _context(request, process, "priorities", round=round, form=form, candidate=None),
        status=400 if form.is_bound and form.errors else 200,
    )


def _candidate(round, candidate_id: int):
    candidate = selectors.round_candidate_get(round=round, candidate_id=candidate_id)
    if candidate is None:
        raise Http404
    return candidate


@table_view
@require_http_methods(["GET", "POST"])
def candidate_edit(
    request: TableRequest, process_slug: str, round_id: int, candidate_id: int
) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.edit_round")
    candidate = _candidate(round, candidate_id)
    form = _candidate_form(
        request,
        process,
        initial={
            "title": candidate.title,
            "description": candidate.description,
            "objective": candidate.objective_id,
            "plan_action": candidate.plan_action_id,
            "revision": candidate.revision,
        },
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = _candidate_input(process, form)
        if data is not None:
            try:
                services.candidate_update(
                    candidate=candidate,
                    actor=request.user,
                    data=data,
                    revision=form.cleaned_data["revision"],
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = 409 if isinstance(error, Conflict) else 400
            else:
                messages.success(request, _("The candidate was saved."))
                return _round_redirect(request, process, round)
    if form.is_bound and form.errors and status == 200:
        status = 400
    return render(
        request,
        "priorities/candidate_form.html",
        _context(request, process, "priorities", round=round, form=form, candidate=candidate),
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def candidate_remove(
    request: TableRequest, process_slug: str, round_id: int, candidate_id: int
) -> HttpResponse:
    process = _process(request, process_slug, "priorities.view_round")
    round = _round(request, process, round_id, "priorities.edit_round")
    candidate = _candidate(round, candidate_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_remove(candidate=candidate, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The candidate was removed."))
            return _round_redirect(request, process, round)
    return render(
        request,
        "priorities/candidate_remove.html",
        _context(request, process, "priorities", round=round, form=form, candidate=candidate),
        status=400 if form.is_bound and form.errors else 200,
    )
