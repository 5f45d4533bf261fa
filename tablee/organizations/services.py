"""Changes to the registry of organizations, its sectors and a table's relations.

One function per user intention, each atomic and audited once. Registry and
sector events are platform-wide (no table); relation events belong to a table.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.organizations import selectors
from tablee.organizations.models import (
    Organization,
    OrganizationKind,
    OrganizationRelation,
    RelationLevel,
    Sector,
    normalize_name,
)

_ORGANIZATION_FIELDS = (
    "name",
    "acronym",
    "sector_id",
    "kind",
    "territory",
    "website",
    "contact_email",
    "contact_phone",
)


class PossibleDuplicate(InvalidInput):
    """The name or acronym looks like a registered organization's: confirm first."""

    code = "possible_duplicate"


def _validate(instance, exclude=None) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        messages = [m for field_errors in exc.message_dict.values() for m in field_errors]
        raise InvalidInput(" ".join(messages), extra={"fields": exc.message_dict}) from exc


def _snapshot(organization: Organization) -> dict[str, str]:
    return {field: str(getattr(organization, field) or "") for field in _ORGANIZATION_FIELDS}


def _organization_url(organization: Organization) -> str:
    return reverse("organizations:organization-detail", args=[organization.pk])


def _refuse_same_name(name: str, *, exclude_id: int | None = None) -> None:
    same = selectors.organization_find_duplicates(name=name, exclude_id=exclude_id)["same"]
    if not same:
        return
    existing = same[0]
    if existing.deleted_at is not None:
        message = _(
            "“%(name)s” is already in the registry, but deleted. "
            "Ask a platform administrator to restore it rather than adding it again."
        ) % {"name": existing.name}
    else:
        message = _("“%(name)s” is already in the registry. Use the existing entry.") % {
            "name": existing.name
        }
    raise InvalidInput(
        message,
        extra={
            "fields": {"name": [message]},
            "existing_id": existing.pk,
            "existing_name": existing.name,
            "existing_url": _organization_url(existing),
        },
    )


def _clean_fields(
    *,
    name: str,
    acronym: str,
    sector: Sector | None,
    kind: str,
    territory: str,
    website: str,
    contact_email: str,
    contact_phone: str,
    current_sector_id: int | None = None,
) -> dict:
    name = " ".join((name or "").split())
    if not normalize_name(name):
        message = _("Enter the organization's name.")
        raise InvalidInput(message, extra={"fields": {"name": [message]}})
    if kind not in OrganizationKind.values:
        message = _("Choose a kind of organization.")
        raise InvalidInput(message, extra={"fields": {"kind": [message]}})
    if sector is not None and not sector.is_active and sector.pk != current_sector_id:
        message = _("This sector is retired; choose another one.")
        raise InvalidInput(message, extra={"fields": {"sector": [message]}})
    return {
        "name": name,
        "acronym": (acronym or "").strip(),
        "sector": sector,
        "kind": kind,
        "territory": (territory or "").strip(),
        "website": (website or "").strip(),
        "contact_email": (contact_email or "").strip().lower(),
        "contact_phone": (contact_phone or "").strip(),
    }


@transaction.atomic
def organization_create(
    *,
    actor: User,
    name: str,
    kind: str,
    acronym: str = "",
    sector: Sector | None = None,
    territory: str = "",
    website: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    confirm_similar: bool = False,
) -> Organization:
    """Register an organization in the platform-wide registry.

    A name identical to a registered one (ignoring case, accents and
    punctuation) is refused. A shared acronym or a very similar name raises
    PossibleDuplicate, listing the look-alikes in extra["similar"], unless
    `confirm_similar` says the person checked and wants it anyway.
    """
    values = _clean_fields(
        name=name,
        acronym=acronym,
        sector=sector,
        kind=kind,
        territory=territory,
        website=website,
        contact_email=contact_email,
        contact_phone=contact_phone,
    )
    _refuse_same_name(values["name"])
    if not confirm_similar:
        similar = selectors.organization_find_duplicates(
            name=values["name"], acronym=values["acronym"]
        )["similar"]
        if similar:
            raise PossibleDuplicate(
                _(
                    "This looks like an organization already in the registry. "
                    "Check the list below; if it is really a different one, confirm to add it."
                ),
                extra={
                    "similar": [
                        {"id": org.pk, "name": str(org), "url": _organization_url(org)}
                        for org in similar
                    ]
                },
            )
    organization = Organization(
        **values,
        name_key=normalize_name(values["name"]),
        acronym_key=normalize_name(values["acronym"]),
        created_by=actor,
    )
    _validate(organization)
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError as exc:  # a concurrent registration of the same name
        raise Conflict(
            _("Someone registered this organization a moment ago. Search the registry for it.")
        ) from exc
    audit.record(
        event=AuditEvent.ORGANIZATION_CREATED,
        actor=actor,
        target=organization,
        new=_snapshot(organization),
    )
    return organization


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    actor: User,
    name: str,
    kind: str,
    acronym: str = "",
    sector: Sector | None = None,
    territory: str = "",
    website: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    read_at_version=None,
) -> Organization:
    """Correct an organization's entry.

    `read_at_version` is the `updated_at` the editor saw: a save by someone
    else in between is refused rather than silently overwritten.
    """
    current = Organization.objects.select_for_update(of=("self",)).get(pk=organization.pk)
    if current.deleted_at is not None:
        raise InvalidTransition(_("This organization is deleted; restore it first."))
    if read_at_version is not None and current.updated_at != read_at_version:
        raise Conflict(
            _(
                "Someone else changed this organization while you were editing. "
                "Reload the page to see their version, then apply your changes again."
            )
        )
    values = _clean_fields(
        name=name,
        acronym=acronym,
        sector=sector,
        kind=kind,
        territory=territory,
        website=website,
        contact_email=contact_email,
        contact_phone=contact_phone,
        current_sector_id=current.sector_id,
    )
    _refuse_same_name(values["name"], exclude_id=current.pk)
    old = _snapshot(current)
    for field, value in values.items():
        setattr(current, field, value)
    current.name_key = normalize_name(current.name)
    current.acronym_key = normalize_name(current.acronym)
    _validate(current)
    current.save()
    new = _snapshot(current)
    changed_old = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=AuditEvent.ORGANIZATION_UPDATED,
        actor=actor,
        target=current,
        old=changed_old,
        new={k: new[k] for k in changed_old},
    )
    return current


@transaction.atomic
def organization_delete(*, organization: Organization, actor: User) -> Organization:
    """Hide an organization from the registry; refused while it holds an open seat."""
    current = Organization.objects.select_for_update(of=("self",)).get(pk=organization.pk)
    if current.deleted_at is not None:
        raise InvalidTransition(_("This organization is already deleted."))
    if selectors.organization_has_open_seat(organization=current):
        raise InvalidTransition(
            _(
                "This organization still holds a seat at a table. "
                "The table's coordinators must close the seat first."
            )
        )
    current.deleted_at = timezone.now()
    current.save(update_fields=["deleted_at", "updated_at"])
    audit.record(event=AuditEvent.ORGANIZATION_DELETED, actor=actor, target=current)
    return current


@transaction.atomic
def organization_restore(*, organization: Organization, actor: User) -> Organization:
    current = Organization.objects.select_for_update(of=("self",)).get(pk=organization.pk)
    if current.deleted_at is None:
        raise InvalidTransition(_("This organization is not deleted."))
    current.deleted_at = None
    current.save(update_fields=["deleted_at", "updated_at"])
    audit.record(event=AuditEvent.ORGANIZATION_RESTORED, actor=actor, target=current)
    return current


@transaction.atomic
def organization_get_or_create_for_import(
    *,
    actor: User,
    name: str,
    kind: str = OrganizationKind.COMMUNITY,
    acronym: str = "",
    sector: Sector | None = None,
    territory: str = "",
    website: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    record_audit: bool = True,
) -> tuple[Organization, bool]:
    """Return (organization, created) for one row of an import.

    Signature (keyword-only): actor, name, kind="community", acronym="",
    sector=None, territory="", website="", contact_email="", contact_phone="",
    record_audit=True.

    - An organization with the same name key (case, accents and punctuation
      ignored) is returned as is, `created` False; nothing is changed.
    - A deleted organization with that name raises InvalidInput (a platform
      administrator must restore it; an import must not resurrect it).
    - Otherwise the organization is created, `created` True. A similar name
      or shared acronym does not stop an import: call
      `selectors.organization_find_duplicates` beforehand to warn the person.
    - With `record_audit=False` no ORGANIZATION_CREATED entry is written, so
      that the import can record its own single MEMBERS_IMPORTED entry.
    Invalid values raise InvalidInput (with extra["fields"]); run it inside
    the import's transaction so a bad row rolls everything back.
    """
    same = selectors.organization_find_duplicates(name=name)["same"]
    if same:
        existing = same[0]
        if existing.deleted_at is not None:
            raise InvalidInput(
                _("“%(name)s” was deleted from the registry; ask to restore it.")
                % {"name": existing.name},
                extra={"existing_id": existing.pk},
            )
        return existing, False
    values = _clean_fields(
        name=name,
        acronym=acronym,
        sector=sector,
        kind=kind,
        territory=territory,
        website=website,
        contact_email=contact_email,
        contact_phone=contact_phone,
    )
    organization = Organization(
        **values,
        name_key=normalize_name(values["name"]),
        acronym_key=normalize_name(values["acronym"]),
        created_by=actor,
    )
    _validate(organization)
    organization.save()
    if record_audit:
        audit.record(
            event=AuditEvent.ORGANIZATION_CREATED,
            actor=actor,
            target=organization,
            new=_snapshot(organization),
        )
    return organization, True


# Sectors ------------------------------------------------------------------


def _clean_sector_names(name_fr: str, name_en: str) -> tuple[str, str]:
    name_fr = " ".join((name_fr or "").split())
    name_en = " ".join((name_en or "").split())
    errors = {}
    if not name_fr:
        errors["name_fr"] = [_("Enter the French name.")]
    if not name_en:
        errors["name_en"] = [_("Enter the English name.")]
    if errors:
        raise InvalidInput(
            " ".join(m for ms in errors.values() for m in ms), extra={"fields": errors}
        )
    return name_fr[:100], name_en[:100]


def _refuse_sector_twin(name_fr: str, name_en: str, *, exclude_id: int | None = None) -> None:
    keys = {normalize_name(name_fr), normalize_name(name_en)}
    for sector in Sector.objects.exclude(pk=exclude_id):
        if keys & {normalize_name(sector.name_fr), normalize_name(sector.name_en)}:
            message = _("A sector with this name exists already: “%(name)s”.") % {
                "name": sector.name
            }
            raise InvalidInput(message, extra={"fields": {"name_fr": [message]}})


@transaction.atomic
def sector_create(*, actor: User, name_fr: str, name_en: str) -> Sector:
    """Add a sector to the taxonomy, at the end of the list."""
    name_fr, name_en = _clean_sector_names(name_fr, name_en)
    _refuse_sector_twin(name_fr, name_en)
    base = slugify(name_en or name_fr)[:34] or "sector"
    code, n = base, 2
    while Sector.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    position = (Sector.objects.aggregate(top=Max("position"))["top"] or 0) + 1
    sector = Sector.objects.create(code=code, name_fr=name_fr, name_en=name_en, position=position)
    audit.record(
        event=AuditEvent.SECTOR_CREATED,
        actor=actor,
        target=sector,
        new={"code": code, "name_fr": name_fr, "name_en": name_en},
    )
    return sector


@transaction.atomic
def sector_update(
    *,
    sector: Sector,
    actor: User,
    name_fr: str,
    name_en: str,
    read_names: tuple[str, str] | None = None,
) -> Sector:
    """Rename a sector (both languages); its code stays.

    `read_names` is the (French, English) pair the editor saw; sectors have
    no timestamp, so a rename by someone else in between shows as a change
    of names and is refused rather than overwritten.
    """
    current = Sector.objects.select_for_update(of=("self",)).get(pk=sector.pk)
    if read_names is not None and tuple(read_names) != (current.name_fr, current.name_en):
        raise Conflict(
            _(
                "Someone else renamed this sector while you were editing. "
                "Reload the page to see their names, then apply yours again."
            )
        )
    name_fr, name_en = _clean_sector_names(name_fr, name_en)
    _refuse_sector_twin(name_fr, name_en, exclude_id=current.pk)
    old = {"name_fr": current.name_fr, "name_en": current.name_en}
    current.name_fr, current.name_en = name_fr, name_en
    current.save(update_fields=["name_fr", "name_en"])
    audit.record(
        event=AuditEvent.SECTOR_UPDATED,
        actor=actor,
        target=current,
        old=old,
        new={"name_fr": name_fr, "name_en": name_en},
    )
    return current


@transaction.atomic
def sector_set_active(*, sector: Sector, actor: User, is_active: bool) -> Sector:
    """Retire a sector (no longer offered in forms) or put it back in use.

    Organizations already classified in a retired sector keep it.
    """
    current = Sector.objects.select_for_update(of=("self",)).get(pk=sector.pk)
    if current.is_active == is_active:
        raise InvalidTransition(
            _("This sector is already in use.")
            if is_active
            else _("This sector is already retired.")
        )
    current.is_active = is_active
    current.save(update_fields=["is_active"])
    audit.record(
        event=AuditEvent.SECTOR_UPDATED,
        actor=actor,
        target=current,
        old={"is_active": not is_active},
        new={"is_active": is_active},
    )
    return current


# Relations ----------------------------------------------------------------

# extension -> (accepted content types, accepted leading bytes)
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
DOCUMENT_TYPES: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    "pdf": (("application/pdf",), (b"%PDF-",)),
    "doc": (("application/msword",), _OLE),
    "docx": (
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        _ZIP,
    ),
    "xls": (("application/vnd.ms-excel",), _OLE),
    "xlsx": (("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",), _ZIP),
    "ppt": (("application/vnd.ms-powerpoint",), _OLE),
    "pptx": (
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation",),
        _ZIP,
    ),
    "odt": (("application/vnd.oasis.opendocument.text",), _ZIP),
    "ods": (("application/vnd.oasis.opendocument.spreadsheet",), _ZIP),
    "odp": (("application/vnd.oasis.opendocument.presentation",), _ZIP),
    "rtf": (("application/rtf", "text/rtf"), (b"{\\rtf",)),
    "png": (("image/png",), (b"\x89PNG\r\n\x1a\n",)),
    "jpg": (("image/jpeg",), (b"\xff\xd8\xff",)),
    "jpeg": (("image/jpeg",), (b"\xff\xd8\xff",)),
}
# Browsers send this for files they cannot type; the leading bytes still decide.
_GENERIC_TYPES = ("application/octet-stream", "")


def document_content_type(name: str) -> str:
    """Return the content type to serve a stored agreement document with."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    types = DOCUMENT_TYPES.get(extension)
    return types[0][0] if types else "application/octet-stream"


def _check_document(document) -> str:
    """Refuse a document of the wrong kind or size; return its extension."""

    def refuse(message):
        raise InvalidInput(message, extra={"fields": {"agreement_document": [message]}})

    extension = PurePath(document.name or "").suffix.lower().lstrip(".")
    if extension not in DOCUMENT_TYPES:
        refuse(
            _(
                "Send a PDF, an office document (Word, Excel, PowerPoint, LibreOffice, RTF) "
                "or an image (PNG, JPEG)."
            )
        )
    limit = settings.TABLEE_MAX_UPLOAD_BYTES
    if document.size > limit:
        refuse(
            _("The document is too large: %(limit)s MB at most.")
            % {"limit": round(limit / 1024 / 1024, 1)}
        )
    content_types, signatures = DOCUMENT_TYPES[extension]
    declared = (getattr(document, "content_type", "") or "").split(";")[0].strip().lower()
    if declared not in content_types and declared not in _GENERIC_TYPES:
        refuse(_("The file's type does not match its extension (.%(ext)s).") % {"ext": extension})
    document.seek(0)
    head = document.read(16)
    document.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        refuse(
            _("The file's content does not match its extension (.%(ext)s).") % {"ext": extension}
        )
    return extension


def _relation_snapshot(relation: OrganizationRelation) -> dict[str, str]:
    return {
        "level": relation.level,
        "started_on": relation.started_on.isoformat(),
        "agreement_title": relation.agreement_title,
        "agreement_start": relation.agreement_start.isoformat()
        if relation.agreement_start
        else "",
        "agreement_end": relation.agreement_end.isoformat() if relation.agreement_end else "",
        "document": "yes" if relation.agreement_document else "",
    }


UNCHECKED = object()


@transaction.atomic
def relation_record(
    *,
    table,
    actor: User,
    first: Organization,
    second: Organization,
    level: str,
    started_on: date,
    agreement_title: str = "",
    agreement_start: date | None = None,
    agreement_end: date | None = None,
    agreement_document=None,
    note: str = "",
    expected_current_id=UNCHECKED,
) -> OrganizationRelation:
    """Record how two organizations relate at the table from `started_on` on.

    The pair's current row, if any, is closed on `started_on` and a new row
    opened, so the history stays readable. The pair is stored with
    first.pk < second.pk whatever order it is given in. When the agreement
    title is unchanged and no new document is sent, the current document is
    carried over. `expected_current_id` is the current row the editor saw
    (None for none): a change by someone else in between raises Conflict.
    """
    if first.pk == second.pk:
        message = _("Choose two different organizations.")
        raise InvalidInput(message, extra={"fields": {"second": [message]}})
    if first.pk > second.pk:
        first, second = second, first
    for organization in (first, second):
        if organization.deleted_at is not None:
            raise InvalidInput(
                _("“%(name)s” is deleted from the registry.") % {"name": organization.name}
            )
    errors: dict[str, list[str]] = {}
    if level not in RelationLevel.values:
        errors["level"] = [_("Choose a level of relation.")]
    if started_on is None:
        errors["started_on"] = [_("Enter the date the relation started at this level.")]
    elif started_on > timezone.localdate():
        errors["started_on"] = [_("The start date cannot be in the future.")]
    agreement_title = " ".join((agreement_title or "").split())
    if level == RelationLevel.PARTNERSHIP and not agreement_title:
        errors["agreement_title"] = [
            _("A partnership rests on a formal agreement: enter its title.")
        ]
    if agreement_start and agreement_end and agreement_end < agreement_start:
        errors["agreement_end"] = [_("The agreement cannot end before it starts.")]
    if errors:
        raise InvalidInput(
            " ".join(m for ms in errors.values() for m in ms), extra={"fields": errors}
        )
    extension = _check_document(agreement_document) if agreement_document else ""

    current = (
        OrganizationRelation.objects.for_table(table)
        .select_for_update(of=("self",))
        .filter(first=first, second=second, ended_on__isnull=True)
        .first()
    )
    if expected_current_id is not UNCHECKED and (current.pk if current else None) != (
        expected_current_id
    ):
        raise Conflict(
            _(
                "Someone else changed this relation while you were editing. "
                "Reload the page to see the current relation, then record yours again."
            )
        )
    old = None
    relation = OrganizationRelation(
        table=table,
        first=first,
        second=second,
        level=level,
        started_on=started_on,
        agreement_title=agreement_title[:200],
        agreement_start=agreement_start,
        agreement_end=agreement_end,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    if current is not None:
        assert current.table_id == table.pk
        if started_on < current.started_on:
            message = _(
                "The current relation started on %(date)s; the new one cannot start earlier."
            ) % {"date": current.started_on.isoformat()}
            raise InvalidInput(message, extra={"fields": {"started_on": [message]}})
        old = _relation_snapshot(current)
        current.ended_on = started_on
        current.save(update_fields=["ended_on", "updated_at"])
        if (
            not agreement_document
            and current.agreement_document
            and current.agreement_title == relation.agreement_title
        ):
            relation.agreement_document = current.agreement_document.name
    if agreement_document:
        agreement_document.name = f"{uuid.uuid4().hex}.{extension}"
        relation.agreement_document = agreement_document
    _validate(relation, exclude=["agreement_document"])
    relation.save()
    audit.record(
        event=AuditEvent.RELATION_RECORDED,
        actor=actor,
        table=table,
        target=relation,
        old=old,
        new=_relation_snapshot(relation),
    )
    return relation


@transaction.atomic
def relation_end(
    *, relation: OrganizationRelation, actor: User, ended_on: date | None = None
) -> OrganizationRelation:
    """End a current relation (the pair no longer works together); history stays."""
    current = OrganizationRelation.objects.select_for_update(of=("self",)).get(pk=relation.pk)
    if current.ended_on is not None:
        raise InvalidTransition(_("This relation has already ended."))
    ended_on = ended_on or timezone.localdate()
    if ended_on < current.started_on:
        message = _("The relation cannot end before it started (%(date)s).") % {
            "date": current.started_on.isoformat()
        }
        raise InvalidInput(message, extra={"fields": {"ended_on": [message]}})
    current.ended_on = ended_on
    current.save(update_fields=["ended_on", "updated_at"])
    audit.record(
        event=AuditEvent.RELATION_ENDED,
        actor=actor,
        table=current.table,
        target=current,
        old={"level": current.level},
        new={"ended_on": ended_on.isoformat()},
    )
    return current
