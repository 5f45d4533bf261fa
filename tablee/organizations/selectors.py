"""Reads of the registry of organizations, sectors and relations, shaped per screen."""

from __future__ import annotations

import difflib

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Replace

from tablee.organizations.models import (
    Organization,
    OrganizationRelation,
    Sector,
    normalize_name,
)

# Two names whose keys are at least this similar (difflib ratio) are flagged
# as a possible duplicate: "Maison des jeunes l'Escale" vs "Maison des jeune L'Escale".
SIMILAR_NAME_RATIO = 0.9


# Sectors ------------------------------------------------------------------


def sector_list(*, include_retired: bool = True) -> QuerySet[Sector]:
    sectors = Sector.objects.all()
    if not include_retired:
        sectors = sectors.filter(is_active=True)
    return sectors.order_by("position", "code")


def sector_get(*, sector_id: int) -> Sector | None:
    return Sector.objects.filter(pk=sector_id).first()


def sector_choices(*, current: Sector | None = None) -> QuerySet[Sector]:
    """Return the sectors offered in forms: active ones, plus the one already chosen."""
    condition = Q(is_active=True)
    if current is not None:
        condition |= Q(pk=current.pk)
    return Sector.objects.filter(condition).order_by("position", "code")


# Organizations ------------------------------------------------------------


def organization_list(
    *, search: str = "", sector_id: int | None = None, kind: str = ""
) -> QuerySet[Organization]:
    """Return the live organizations, searched without regard to case or accents."""
    organizations = Organization.objects.alive().select_related("sector")
    key = normalize_name(search)
    if key:
        organizations = organizations.filter(
            Q(name_key__contains=key) | Q(acronym_key__contains=key)
        )
    if sector_id:
        organizations = organizations.filter(sector_id=sector_id)
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations.order_by("name_key", "pk")


def organization_list_deleted() -> QuerySet[Organization]:
    return (
        Organization.objects.filter(deleted_at__isnull=False)
        .select_related("sector")
        .order_by("-deleted_at")
    )


def organization_get(*, organization_id: int, include_deleted: bool = False):
    organizations = Organization.objects.select_related("sector", "created_by")
    if not include_deleted:
        organizations = organizations.alive()
    return organizations.filter(pk=organization_id).first()


def organization_find_duplicates(
    *, name: str, acronym: str = "", exclude_id: int | None = None
) -> dict[str, list[Organization]]:
    """Return the registered organizations that may be the same as `name`/`acronym`.

    The answer has two lists: "same" (identical name key: a certain duplicate,
    to refuse) and "similar" (same acronym key, or a name key whose difflib
    ratio is at least SIMILAR_NAME_RATIO: a probable duplicate, to confirm).
    Deleted organizations count too: restoring one is better than a twin.
    """
    name_key = normalize_name(name)
    acronym_key = normalize_name(acronym)
    candidates = Organization.objects.select_related("sector")
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    same = list(candidates.filter(name_key=name_key)) if name_key else []
    similar: list[Organization] = []
    seen = {organization.pk for organization in same}
    if acronym_key:
        # "C.L.V.M." and "CLVM" are one acronym: compare keys without spaces.
        compact = acronym_key.replace(" ", "")
        by_acronym = candidates.annotate(
            compact_acronym=Replace("acronym_key", Value(" "), Value(""))
        ).filter(compact_acronym=compact)
        for organization in by_acronym.exclude(pk__in=seen):
            similar.append(organization)
            seen.add(organization.pk)
    if name_key:
        # The registry holds a few thousand names at most: comparing keys in
        # Python on two columns stays cheap and catches typos SQL cannot.
        matcher = difflib.SequenceMatcher(b=name_key, autojunk=False)
        rows = candidates.exclude(pk__in=seen).values_list("pk", "name_key")
        close_ids = []
        for pk, other_key in rows:
            matcher.set_seq1(other_key)
            if (
                matcher.real_quick_ratio() >= SIMILAR_NAME_RATIO
                and matcher.quick_ratio() >= SIMILAR_NAME_RATIO
                and matcher.ratio() >= SIMILAR_NAME_RATIO
            ):
                close_ids.append(pk)
        if close_ids:
            similar.extend(candidates.filter(pk__in=close_ids))
    return {"same": same, "similar": similar}


def organization_tables_with_open_seat(*, organization: Organization, user) -> list:
    """Return the tables `user` can open where `organization` holds an open seat."""
    from tablee.members.models import Seat
    from tablee.tables.selectors import table_visible_to

    tables = table_visible_to(user=user)
    seats = (
        Seat.objects.filter(organization=organization, closed_at__isnull=True, table__in=tables)
        .select_related("table")
        .order_by("table__name")
    )
    return [seat.table for seat in seats]


def organization_has_open_seat(*, organization: Organization) -> bool:
    from tablee.members.models import Seat

    return Seat.objects.filter(
        organization=organization, closed_at__isnull=True, table__deleted_at__isnull=True
    ).exists()


# Relations ----------------------------------------------------------------


def _relations(table) -> QuerySet[OrganizationRelation]:
    return OrganizationRelation.objects.for_table(table).select_related(
        "first__sector", "second__sector", "recorded_by"
    )


def relation_list_current(*, table, search: str = "", level: str = "") -> QuerySet:
    """Return the table's current relations (one per pair), by the first name."""
    relations = _relations(table).filter(ended_on__isnull=True)
    key = normalize_name(search)
    if key:
        relations = relations.filter(
            Q(first__name_key__contains=key)
            | Q(second__name_key__contains=key)
            | Q(first__acronym_key__contains=key)
            | Q(second__acronym_key__contains=key)
        )
    if level:
        relations = relations.filter(level=level)
    return relations.order_by("first__name_key", "second__name_key", "pk")


def relation_get(*, table, relation_id: int) -> OrganizationRelation | None:
    return _relations(table).filter(pk=relation_id).first()


def relation_pair_history(*, table, first_id: int, second_id: int) -> QuerySet:
    """Return every row of a pair at the table, newest first (current included)."""
    low, high = sorted((first_id, second_id))
    return _relations(table).filter(first_id=low, second_id=high).order_by("-started_on", "-id")


def relation_current_for_pair(*, table, first_id: int, second_id: int):
    low, high = sorted((first_id, second_id))
    return _relations(table).filter(first_id=low, second_id=high, ended_on__isnull=True).first()


def relation_organization_choices() -> QuerySet[Organization]:
    """Return the organizations a relation may name: the whole live registry."""
    return Organization.objects.alive().select_related("sector").order_by("name_key")


def table_seated_organizations(*, table) -> list[Organization]:
    """Return the organizations holding an open seat at the table, each once, by name."""
    from tablee.members.models import Seat

    seated = Seat.objects.for_table(table).filter(
        closed_at__isnull=True, organization__isnull=False
    )
    return list(
        Organization.objects.filter(pk__in=seated.values("organization_id"))
        .select_related("sector")
        .order_by("name_key", "pk")
    )
