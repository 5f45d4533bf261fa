"""Reads of a table's charter, shaped for the pages, the exports and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from tablee.charters.models import CharterComment, CharterStatus, CharterVersion, TableRole
from tablee.charters.questions import FAMILIES, QUESTIONS
from tablee.members.models import ActorType
from tablee.organizations.models import Sector

# The versions list never needs the texts: leave the large JSON columns out.
_LIST_ONLY = ("id", "table_id", "number", "status", "adopted_at", "adoption_note", "created_at")


def charter_version_list(*, table) -> QuerySet[CharterVersion]:
    """Return every version of a table's charter, newest first, without texts."""
    return (
        CharterVersion.objects.for_table(table)
        .select_related("adopted_by")
        .only(*_LIST_ONLY, "adopted_by__full_name", "adopted_by__email")
        .order_by("-number")
    )


def charter_version_get(*, table, number: int) -> CharterVersion | None:
    return (
        CharterVersion.objects.for_table(table)
        .select_related("adopted_by", "table")
        .filter(number=number)
        .first()
    )


def charter_latest_adopted(*, table) -> CharterVersion | None:
    return (
        CharterVersion.objects.for_table(table)
        .filter(status=CharterStatus.ADOPTED)
        .select_related("adopted_by", "table")
        .order_by("-number")
        .first()
    )


def charter_draft(*, table) -> CharterVersion | None:
    return (
        CharterVersion.objects.for_table(table)
        .filter(status=CharterStatus.DRAFT)
        .select_related("table")
        .first()
    )


def charter_default_version(*, table) -> CharterVersion | None:
    """Return the latest adopted version, or the draft when none was adopted."""
    return charter_latest_adopted(table=table) or charter_draft(table=table)


def charter_comments(*, version: CharterVersion, question_keys=None) -> dict[str, list]:
    """Return {question key: [comments, oldest first]} for a version, in one query."""
    comments = CharterComment.objects.for_table(version.table_id).filter(version=version)
    if question_keys is not None:
        comments = comments.filter(question_key__in=list(question_keys))
    grouped: dict[str, list] = {}
    for comment in comments.select_related("author").order_by("created_at", "id"):
        grouped.setdefault(comment.question_key, []).append(comment)
    return grouped


def charter_comment_counts(*, version: CharterVersion) -> dict[str, int]:
    return dict(
        CharterComment.objects.for_table(version.table_id)
        .filter(version=version)
        .values_list("question_key")
        .annotate(count=Count("pk"))
        .values_list("question_key", "count")
    )


def sector_choices() -> list[tuple[str, str]]:
    """Return (code, name) of the sectors in use, in their usual order."""
    return [(s.code, s.name) for s in Sector.objects.filter(is_active=True)]


def sector_names(*, codes) -> dict[str, str]:
    """Return {code: name} for the given sector codes (retired ones included)."""
    return {s.code: s.name for s in Sector.objects.filter(code__in=list(codes))}


@dataclass
class FamilyProgress:
    key: str
    title: str
    total: int
    answered: int
    proposed: int


def charter_progress(*, version: CharterVersion) -> list[FamilyProgress]:
    """Count, per family, the answers written and those proposed for adoption."""
    answers = version.answers or {}
    result = []
    for family in FAMILIES:
        answered = proposed = 0
        for question in family.questions:
            answer = answers.get(question.key) or {}
            if (answer.get("text") or "").strip():
                answered += 1
                if answer.get("status") == "proposed":
                    proposed += 1
        result.append(
            FamilyProgress(
                key=family.key,
                title=str(family.title),
                total=len(family.questions),
                answered=answered,
                proposed=proposed,
            )
        )
    return result


def charter_unproposed_questions(*, version: CharterVersion) -> list:
    """Return the questions whose answer is missing or not yet proposed."""
    answers = version.answers or {}
    return [
        question
        for key, question in QUESTIONS.items()
        if (answers.get(key) or {}).get("status") != "proposed"
        or not ((answers.get(key) or {}).get("text") or "").strip()
    ]


@dataclass
class StructuredView:
    """The structured choices of a version, with readable labels."""

    table_roles: list[str]
    non_negotiables: list[str]
    co_constructed: list[str]
    accountabilities: list[dict[str, str]]
    needed_sectors: list[str]
    needed_actor_types: list[str]

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.table_roles,
                self.non_negotiables,
                self.co_constructed,
                self.accountabilities,
                self.needed_sectors,
                self.needed_actor_types,
            )
        )


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def charter_structured(*, version: CharterVersion) -> StructuredView:
    """Return the structured choices with labels in the active language (one query)."""
    names = sector_names(codes=version.needed_sectors) if version.needed_sectors else {}
    return StructuredView(
        table_roles=[_label(TableRole, v) for v in version.table_roles],
        non_negotiables=list(version.non_negotiables),
        co_constructed=list(version.co_constructed),
        accountabilities=[
            {"what": item.get("what", ""), "who": item.get("who", "")}
            for item in version.accountabilities
        ],
        needed_sectors=[names.get(code, code) for code in version.needed_sectors],
        needed_actor_types=[_label(ActorType, v) for v in version.needed_actor_types],
    )


def charter_sections(*, version: CharterVersion, comments: dict | None = None) -> list[dict]:
    """Return the families with their questions and this version's answers."""
    answers = version.answers or {}
    sections = []
    for family in FAMILIES:
        items = []
        for question in family.questions:
            answer = answers.get(question.key) or {}
            items.append(
                {
                    "question": question,
                    "text": answer.get("text", ""),
                    "status": answer.get("status", "draft"),
                    "comments": (comments or {}).get(question.key, []),
                }
            )
        sections.append({"family": family, "items": items})
    return sections


def charter_compare(*, older: CharterVersion, newer: CharterVersion) -> dict:
    """Return the differences between two versions, per question and per choice."""
    from django.utils.translation import gettext as _

    from tablee.charters.diff import compare_answers, list_diff

    before = charter_structured(version=older)
    after = charter_structured(version=newer)

    def pairs(view: StructuredView) -> list[str]:
        return [f"{item['what']} — {item['who']}" for item in view.accountabilities]

    lists = [
        list_diff("table_roles", _("Roles of the table"), before.table_roles, after.table_roles),
        list_diff(
            "non_negotiables",
            _("Fixed, non-negotiable"),
            before.non_negotiables,
            after.non_negotiables,
        ),
        list_diff(
            "co_constructed",
            _("To be co-constructed"),
            before.co_constructed,
            after.co_constructed,
        ),
        list_diff("accountabilities", _("Who answers for what"), pairs(before), pairs(after)),
        list_diff(
            "needed_sectors", _("Sectors needed"), before.needed_sectors, after.needed_sectors
        ),
        list_diff(
            "needed_actor_types",
            _("Types of actors needed"),
            before.needed_actor_types,
            after.needed_actor_types,
        ),
    ]
    families = compare_answers(older.answers, newer.answers)
    changed_questions = sum(1 for f in families for item in f["items"] if item.changed)
    return {
        "families": families,
        "lists": lists,
        "changed_questions": changed_questions,
        "changed_lists": sum(1 for item in lists if item.changed),
    }
