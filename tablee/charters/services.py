"""State changes of a table's charter: one function per intention.

Adopted versions are frozen for good: every service here refuses to touch
one. Drafts carry a `revision` that each save bumps, so an edit made from a
stale page is refused (Conflict) rather than silently overwriting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.charters.models import CharterComment, CharterStatus, CharterVersion, TableRole
from tablee.charters.questions import QUESTIONS
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.members.models import ActorType
from tablee.organizations.models import Sector

MAX_ANSWER_LENGTH = 10_000
MAX_LINE_LENGTH = 300
MAX_LINES = 50
MAX_COMMENT_LENGTH = 2_000


def _locked(version: CharterVersion) -> CharterVersion:
    return (
        CharterVersion.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=version.pk)
    )


def _refuse_adopted(version: CharterVersion) -> None:
    if version.status != CharterStatus.DRAFT:
        raise InvalidTransition(
            _(
                "Version %(number)s was adopted and can no longer change. "
                "Start a revision to propose changes."
            )
            % {"number": version.number}
        )


def _check_revision(version: CharterVersion, revision: int | None, theirs=None) -> None:
    if revision is not None and version.revision != revision:
        raise Conflict(
            _(
                "Someone else saved this draft while you were editing. Compare their "
                "text with yours below, then save again to keep yours."
            ),
            extra={"revision": version.revision, "theirs": theirs or {}},
        )


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def charter_draft_start(*, table, actor: User) -> CharterVersion:
    """Open a new draft: version 1, or a copy of the latest adopted version."""
    # Lock the table's versions so two coordinators cannot open two drafts.
    versions = list(
        CharterVersion.objects.for_table(table).select_for_update(of=("self",)).order_by("-number")
    )
    if any(v.status == CharterStatus.DRAFT for v in versions):
        raise InvalidTransition(_("A draft is already open: continue it rather than start one."))
    latest_adopted = next((v for v in versions if v.status == CharterStatus.ADOPTED), None)
    draft = CharterVersion(
        table=table, number=(versions[0].number + 1) if versions else 1, revision=0
    )
    if latest_adopted is not None:
        draft.answers = {
            key: {"text": value.get("text", ""), "status": value.get("status", "draft")}
            for key, value in (latest_adopted.answers or {}).items()
        }
        for field in (
            "table_roles",
            "non_negotiables",
            "co_constructed",
            "accountabilities",
            "needed_sectors",
            "needed_actor_types",
        ):
            setattr(draft, field, list(getattr(latest_adopted, field)))
    draft.save()
    audit.record(
        event=AuditEvent.CHARTER_DRAFT_STARTED,
        actor=actor,
        table=table,
        target=draft,
        new={
            "number": draft.number,
            "from": latest_adopted.number if latest_adopted is not None else None,
        },
    )
    return draft


@transaction.atomic
def charter_answer_save(
    *,
    version: CharterVersion,
    actor: User,
    answers: Mapping[str, str],
    revision: int | None,
) -> CharterVersion:
    """Save the draft answers of one step (question key → text), all or nothing.

    A changed text goes back to "draft" status until it is proposed again.
    When the draft moved on since `revision`, nothing is saved and Conflict
    carries, in extra["theirs"], the current text of each question whose
    stored text differs from the submitted one.
    """
    current = _locked(version)
    _refuse_adopted(current)
    unknown = [key for key in answers if key not in QUESTIONS]
    if unknown:
        raise InvalidInput(_("This question does not exist: %(key)s.") % {"key": unknown[0]})
    cleaned = {key: (text or "").strip() for key, text in answers.items()}
    too_long = [key for key, text in cleaned.items() if len(text) > MAX_ANSWER_LENGTH]
    if too_long:
        message = _("Keep each answer under %(max)s characters.") % {"max": MAX_ANSWER_LENGTH}
        raise InvalidInput(message, extra={"fields": {key: [message] for key in too_long}})
    stored = current.answers or {}
    if revision is not None and current.revision != revision:
        theirs = {
            key: (stored.get(key) or {}).get("text", "")
            for key, text in cleaned.items()
            if (stored.get(key) or {}).get("text", "") != text
        }
        _check_revision(current, revision, theirs)
    old, new = {}, {}
    updated = dict(stored)
    for key, text in cleaned.items():
        before = (stored.get(key) or {}).get("text", "")
        if before == text:
            continue
        updated[key] = {"text": text, "status": "draft"}
        old[key] = _short(before)
        new[key] = _short(text)
    if not new:
        return current
    current.answers = updated
    current.revision += 1
    current.save(update_fields=["answers", "revision", "updated_at"])
    audit.record(
        event=AuditEvent.CHARTER_ANSWER_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old=old,
        new=new,
    )
    return current


@transaction.atomic
def charter_answer_propose(
    *, version: CharterVersion, actor: User, question_key: str
) -> CharterVersion:
    """Mark an answer as ready for adoption."""
    current = _locked(version)
    _refuse_adopted(current)
    if question_key not in QUESTIONS:
        raise InvalidInput(_("This question does not exist: %(key)s.") % {"key": question_key})
    answer = dict((current.answers or {}).get(question_key) or {})
    if not (answer.get("text") or "").strip():
        raise InvalidInput(_("Write an answer before proposing it."))
    if answer.get("status") == "proposed":
        raise InvalidTransition(_("This answer is already proposed."))
    answer["status"] = "proposed"
    current.answers = {**current.answers, question_key: answer}
    current.revision += 1
    current.save(update_fields=["answers", "revision", "updated_at"])
    audit.record(
        event=AuditEvent.CHARTER_ANSWER_PROPOSED,
        actor=actor,
        table=current.table,
        target=current,
        new={"question": question_key},
    )
    return current


@transaction.atomic
def charter_comment_add(
    *, version: CharterVersion, actor: User, question_key: str, body: str
) -> CharterComment:
    """Add a member's comment under one answer of the draft."""
    current = _locked(version)
    _refuse_adopted(current)
    if question_key not in QUESTIONS:
        raise InvalidInput(_("This question does not exist: %(key)s.") % {"key": question_key})
    body = (body or "").strip()
    if not body:
        message = _("Write a comment first.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    if len(body) > MAX_COMMENT_LENGTH:
        message = _("Keep a comment under %(max)s characters.") % {"max": MAX_COMMENT_LENGTH}
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    comment = CharterComment.objects.create(
        table=current.table, version=current, question_key=question_key, author=actor, body=body
    )
    audit.record(
        event=AuditEvent.CHARTER_COMMENTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"question": question_key, "comment": _short(body, 200)},
    )
    return comment


def _clean_lines(lines: Iterable[str], field: str) -> list[str]:
    cleaned = [" ".join((line or "").split()) for line in lines]
    cleaned = [line for line in cleaned if line]
    if len(cleaned) > MAX_LINES:
        message = _("Keep each list under %(max)s lines.") % {"max": MAX_LINES}
        raise InvalidInput(message, extra={"fields": {field: [message]}})
    if any(len(line) > MAX_LINE_LENGTH for line in cleaned):
        message = _("Keep each line under %(max)s characters.") % {"max": MAX_LINE_LENGTH}
        raise InvalidInput(message, extra={"fields": {field: [message]}})
    return cleaned


def _clean_choices(values: Iterable[str], allowed, field: str) -> list[str]:
    values = list(dict.fromkeys(values))
    wrong = [v for v in values if v not in allowed]
    if wrong:
        message = _("This choice is not available: %(value)s.") % {"value": wrong[0]}
        raise InvalidInput(message, extra={"fields": {field: [message]}})
    return values


_CHOICE_FIELDS = (
    "table_roles",
    "non_negotiables",
    "co_constructed",
    "accountabilities",
    "needed_sectors",
    "needed_actor_types",
)


@transaction.atomic
def charter_choices_save(
    *,
    version: CharterVersion,
    actor: User,
    table_roles: Iterable[str],
    non_negotiables: Iterable[str],
    co_constructed: Iterable[str],
    accountabilities: Iterable[Mapping[str, str]],
    needed_sectors: Iterable[str],
    needed_actor_types: Iterable[str],
    revision: int | None,
) -> CharterVersion:
    """Save the structured choices of the draft, all or nothing."""
    current = _locked(version)
    _refuse_adopted(current)
    _check_revision(current, revision)
    active_sectors = set(Sector.objects.filter(is_active=True).values_list("code", flat=True))
    # A sector retired since it was chosen may stay, but none can be newly added.
    allowed_sectors = active_sectors | set(current.needed_sectors)
    pairs = []
    for item in accountabilities:
        what = " ".join((item.get("what") or "").split())
        who = " ".join((item.get("who") or "").split())
        if not what and not who:
            continue
        if not what or not who:
            message = _("Give both the action and who answers for it, on each line.")
            raise InvalidInput(message, extra={"fields": {"accountabilities": [message]}})
        if len(what) > MAX_LINE_LENGTH or len(who) > MAX_LINE_LENGTH:
            message = _("Keep each line under %(max)s characters.") % {"max": MAX_LINE_LENGTH}
            raise InvalidInput(message, extra={"fields": {"accountabilities": [message]}})
        pairs.append({"what": what, "who": who})
    if len(pairs) > MAX_LINES:
        message = _("Keep each list under %(max)s lines.") % {"max": MAX_LINES}
        raise InvalidInput(message, extra={"fields": {"accountabilities": [message]}})
    values = {
        "table_roles": _clean_choices(table_roles, set(TableRole.values), "table_roles"),
        "non_negotiables": _clean_lines(non_negotiables, "non_negotiables"),
        "co_constructed": _clean_lines(co_constructed, "co_constructed"),
        "accountabilities": pairs,
        "needed_sectors": _clean_choices(needed_sectors, allowed_sectors, "needed_sectors"),
        "needed_actor_types": _clean_choices(
            needed_actor_types, set(ActorType.values), "needed_actor_types"
        ),
    }
    old = {f: getattr(current, f) for f in _CHOICE_FIELDS if getattr(current, f) != values[f]}
    if not old:
        return current
    for field in old:
        setattr(current, field, values[field])
    current.revision += 1
    current.save(update_fields=[*old, "revision", "updated_at"])
    audit.record(
        event=AuditEvent.CHARTER_CHOICES_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old=old,
        new={f: values[f] for f in old},
    )
    return current


@transaction.atomic
def charter_adopt(
    *, version: CharterVersion, actor: User, adoption_note: str = ""
) -> CharterVersion:
    """Freeze the draft as the table's adopted charter."""
    current = _locked(version)
    _refuse_adopted(current)
    adoption_note = (adoption_note or "").strip()
    if len(adoption_note) > 300:
        message = _("Keep the adoption note under 300 characters.")
        raise InvalidInput(message, extra={"fields": {"adoption_note": [message]}})
    current.status = CharterStatus.ADOPTED
    current.adopted_at = timezone.now()
    current.adopted_by = actor
    current.adoption_note = adoption_note
    current.save(
        update_fields=["status", "adopted_at", "adopted_by", "adoption_note", "updated_at"]
    )
    audit.record(
        event=AuditEvent.CHARTER_ADOPTED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": CharterStatus.DRAFT},
        new={"status": CharterStatus.ADOPTED, "note": adoption_note},
    )
    return current
