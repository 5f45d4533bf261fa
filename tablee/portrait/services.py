"""Portrait and diagnostic of the territory: one function per intention."""

from __future__ import annotations

import os
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.portrait.audit_events import Event
from tablee.portrait.importing import build_plan, indicator_key
from tablee.portrait.models import (
    MAX_YEAR,
    MIN_YEAR,
    Coverage,
    EvidenceDocument,
    Need,
    Strength,
    TerritoryIndicator,
    TerritoryValue,
)


def _invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, extra={"fields": {field: [message]}})


def _same_table(table, *objects) -> None:
    for obj in objects:
        assert obj is None or obj.table_id == table.pk, "object of another table"


def _stale(what: str) -> Conflict:
    messages = {
        "indicator": _(
            "Someone else changed this indicator while you were editing it. Your changes "
            "were not saved: look at their version, then edit again."
        ),
        "need": _(
            "Someone else changed this need while you were editing it. Your changes "
            "were not saved: look at their version, then edit again."
        ),
        "strength": _(
            "Someone else changed this strength while you were editing it. Your changes "
            "were not saved: look at their version, then edit again."
        ),
    }
    return Conflict(messages[what])


# -- indicators ------------------------------------------------------------

_INDICATOR_FIELDS = ("name", "unit", "source", "geography", "description", "process_id")


def _indicator_snapshot(indicator: TerritoryIndicator) -> dict[str, str]:
    return {
        field: "" if getattr(indicator, field) is None else str(getattr(indicator, field))
        for field in _INDICATOR_FIELDS
    }


def _clean_indicator(*, table, name, unit, source, geography, exclude_id=None) -> dict:
    name = (name or "").strip()
    if not name:
        raise _invalid("name", _("Give the name of the indicator."))
    key = indicator_key(name, geography or "")
    duplicates = TerritoryIndicator.objects.for_table(table).filter(key=key)
    if exclude_id is not None:
        duplicates = duplicates.exclude(pk=exclude_id)
    if duplicates.exists():
        raise _invalid(
            "name",
            _("The table already has this indicator for this geography."),
        )
    return {
        "name": name,
        "unit": (unit or "").strip(),
        "source": (source or "").strip(),
        "geography": (geography or "").strip(),
        "key": key,
    }


@transaction.atomic
def indicator_create(
    *,
    table,
    actor,
    name: str,
    unit: str = "",
    source: str = "",
    geography: str = "",
    description: str = "",
    process=None,
) -> TerritoryIndicator:
    """Add an indicator of the territory (its values come after)."""
    _same_table(table, process)
    cleaned = _clean_indicator(
        table=table, name=name, unit=unit, source=source, geography=geography
    )
    indicator = TerritoryIndicator.objects.create(
        table=table,
        description=(description or "").strip(),
        process=process,
        created_by=actor,
        **cleaned,
    )
    audit.record(
        event=Event.PORTRAIT_INDICATOR_CREATED,
        actor=actor,
        table=table,
        target=indicator,
        new=_indicator_snapshot(indicator),
    )
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: TerritoryIndicator,
    actor,
    name: str,
    unit: str,
    source: str,
    geography: str,
    description: str,
    process,
    base_revision: int,
) -> TerritoryIndicator:
    """Change what the indicator is. A stale `base_revision` is refused (Conflict)."""
    current = (
        TerritoryIndicator.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=indicator.pk)
    )
    if current.revision != base_revision:
        raise _stale("indicator")
    _same_table(current.table, process)
    cleaned = _clean_indicator(
        table=current.table,
        name=name,
        unit=unit,
        source=source,
        geography=geography,
        exclude_id=current.pk,
    )
    old = _indicator_snapshot(current)
    for attribute, value in cleaned.items():
        setattr(current, attribute, value)
    current.description = (description or "").strip()
    current.process = process
    current.revision += 1
    current.save()
    new = _indicator_snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.PORTRAIT_INDICATOR_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def indicator_delete(*, indicator: TerritoryIndicator, actor) -> None:
    """Delete an indicator and its values; needs and strengths lose it as evidence."""
    current = (
        TerritoryIndicator.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=indicator.pk)
    )
    snapshot = _indicator_snapshot(current)
    snapshot["values"] = str(current.values.count())
    audit.record(
        event=Event.PORTRAIT_INDICATOR_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old=snapshot,
    )
    current.delete()


def _format_value(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


@transaction.atomic
def indicator_value_record(
    *,
    indicator: TerritoryIndicator,
    actor,
    year: int,
    value: Decimal | None,
    note: str = "",
) -> TerritoryValue:
    """Record (or replace) the indicator's value for a year; None is missing data."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise _invalid(
            "year",
            _("Give a year between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR},
        )
    note = (note or "").strip()
    if len(note) > 200:
        raise _invalid("note", _("Keep the note under 200 characters."))
    current = (
        TerritoryIndicator.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=indicator.pk)
    )
    if value is not None:
        value = Decimal(value)
        if not value.is_finite() or abs(value) >= Decimal(10) ** 12:
            raise _invalid("value", _("Write a number below one thousand billion."))
        value = value.quantize(Decimal("0.0001"))
    row = TerritoryValue.objects.filter(indicator=current, year=year).first()
    old = None
    if row is None:
        row = TerritoryValue(table=current.table, indicator=current, year=year)
    else:
        old = {"year": year, "value": _format_value(row.value), "note": row.note}
    row.value = value
    row.note = note
    row.save()
    audit.record(
        event=Event.PORTRAIT_VALUE_RECORDED,
        actor=actor,
        table=current.table,
        target=current,
        old=old,
        new={"year": year, "value": _format_value(value), "note": note},
    )
    return row


@transaction.atomic
def indicator_value_remove(*, value: TerritoryValue, actor) -> None:
    """Remove a year's value (the year then shows as missing inside the range)."""
    current = (
        TerritoryValue.objects.select_for_update(of=("self",))
        .select_related("indicator", "table")
        .get(pk=value.pk)
    )
    audit.record(
        event=Event.PORTRAIT_VALUE_REMOVED,
        actor=actor,
        table=current.table,
        target=current.indicator,
        old={"year": current.year, "value": _format_value(current.value), "note": current.note},
    )
    current.delete()


@transaction.atomic(durable=True)
def indicators_import(*, table, actor, rows: list[dict]) -> dict[str, int]:
    """Import indicators and their values from checked rows, all or nothing.

    The rows are planned again inside the transaction, so a change made
    since the preview is taken into account; any row error refuses the
    whole import and nothing is written. One audit entry for the import.
    """
    from tablee.tables.models import Table

    Table.objects.select_for_update(of=("self",)).filter(pk=table.pk).first()
    plan = build_plan(table=table, rows=rows)
    if plan.has_errors:
        raise InvalidInput(
            _("Some rows have errors; nothing was imported."),
            extra={"rows": {line.row: line.errors for line in plan.error_rows}},
        )
    indicators: dict[str, TerritoryIndicator] = {}
    for line in plan.rows:
        if line.indicator_obj is not None:
            indicators.setdefault(line.key, line.indicator_obj)
    new_indicators = []
    for line in plan.rows:
        if line.key in indicators:
            continue
        indicator = TerritoryIndicator(
            table=table,
            name=line.values["name"],
            unit=line.values.get("unit", ""),
            source=line.values.get("source", ""),
            geography=line.values.get("geography", ""),
            key=line.key,
            created_by=actor,
        )
        indicators[line.key] = indicator
        new_indicators.append(indicator)
    TerritoryIndicator.objects.bulk_create(new_indicators)
    # A later row may carry the unit or source an earlier row left empty,
    # and a known indicator may get its source from the file.
    changed: dict[int, TerritoryIndicator] = {}
    for line in plan.rows:
        indicator = indicators[line.key]
        for attribute in ("unit", "source"):
            given = line.values.get(attribute, "")
            if given and getattr(indicator, attribute) != given:
                setattr(indicator, attribute, given)
                changed[indicator.pk] = indicator
    if changed:
        for indicator in changed.values():
            indicator.revision += 1
        TerritoryIndicator.objects.bulk_update(
            list(changed.values()), ["unit", "source", "revision", "updated_at"]
        )
    existing = {
        (value.indicator_id, value.year): value
        for value in TerritoryValue.objects.for_table(table).filter(
            indicator_id__in=[i.pk for i in indicators.values()]
        )
    }
    to_create, to_update = [], []
    for line in plan.rows:
        indicator = indicators[line.key]
        note = line.values.get("note", "")
        row = existing.get((indicator.pk, line.year))
        if row is None:
            to_create.append(
                TerritoryValue(
                    table=table, indicator=indicator, year=line.year, value=line.value, note=note
                )
            )
        elif row.value != line.value or (note and row.note != note):
            row.value = line.value
            row.note = note or row.note
            to_update.append(row)
    TerritoryValue.objects.bulk_create(to_create)
    TerritoryValue.objects.bulk_update(to_update, ["value", "note", "updated_at"])
    counts = plan.counts
    audit.record(
        event=Event.PORTRAIT_INDICATORS_IMPORTED,
        actor=actor,
        table=table,
        new={key: str(value) for key, value in counts.items()},
    )
    return counts


# -- needs and strengths ---------------------------------------------------


def _finding_snapshot(finding) -> dict[str, str]:
    snapshot = {
        "statement": finding.statement,
        "details": finding.details,
        "citizens": finding.citizens,
        "process_id": str(finding.process_id or ""),
        "organizations": ",".join(str(o.pk) for o in finding.organizations.all()),
        "sectors": ",".join(str(s.pk) for s in finding.sectors.all()),
        "indicators": ",".join(str(i.pk) for i in finding.indicators.all()),
    }
    if isinstance(finding, Need):
        snapshot["coverage"] = finding.coverage
        snapshot["coverage_note"] = finding.coverage_note
    return snapshot


def _clean_statement(statement: str) -> str:
    statement = (statement or "").strip()
    if not statement:
        raise _invalid("statement", _("Say what was identified, in one sentence."))
    if len(statement) > 500:
        raise _invalid(
            "statement", _("Keep the statement under 500 characters; put the rest in details.")
        )
    return statement


def _apply_finding(
    finding,
    *,
    statement,
    details,
    citizens,
    process,
    organizations,
    sectors,
    indicators,
) -> None:
    finding.statement = _clean_statement(statement)
    finding.details = (details or "").strip()
    finding.citizens = (citizens or "").strip()
    finding.process = process
    _same_table(finding.table, process, *indicators)
    finding.save()
    finding.organizations.set(organizations)
    finding.sectors.set(sectors)
    finding.indicators.set(indicators)


def _check_coverage(coverage: str) -> None:
    if coverage not in Coverage.values:
        raise _invalid("coverage", _("Choose how well an existing service covers this need."))


@transaction.atomic
def need_create(
    *,
    table,
    actor,
    statement: str,
    details: str = "",
    citizens: str = "",
    coverage: str = Coverage.UNKNOWN,
    coverage_note: str = "",
    process=None,
    organizations=(),
    sectors=(),
    indicators=(),
) -> Need:
    """Record a need identified on the territory, who identified it and the evidence."""
    _check_coverage(coverage)
    need = Need(
        table=table,
        coverage=coverage,
        coverage_note=(coverage_note or "").strip(),
        created_by=actor,
    )
    _apply_finding(
        need,
        statement=statement,
        details=details,
        citizens=citizens,
        process=process,
        organizations=organizations,
        sectors=sectors,
        indicators=indicators,
    )
    audit.record(
        event=Event.PORTRAIT_NEED_CREATED,
        actor=actor,
        table=table,
        target=need,
        new=_finding_snapshot(need),
    )
    return need


@transaction.atomic
def need_update(
    *,
    need: Need,
    actor,
    statement: str,
    details: str,
    citizens: str,
    coverage: str,
    coverage_note: str,
    process,
    organizations,
    sectors,
    indicators,
    base_revision: int,
) -> Need:
    """Change a need. A stale `base_revision` is refused (Conflict)."""
    current = Need.objects.select_for_update(of=("self",)).select_related("table").get(pk=need.pk)
    if current.revision != base_revision:
        raise _stale("need")
    _check_coverage(coverage)
    old = _finding_snapshot(current)
    current.coverage = coverage
    current.coverage_note = (coverage_note or "").strip()
    current.revision += 1
    _apply_finding(
        current,
        statement=statement,
        details=details,
        citizens=citizens,
        process=process,
        organizations=organizations,
        sectors=sectors,
        indicators=indicators,
    )
    new = _finding_snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.PORTRAIT_NEED_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def need_set_actions(*, need: Need, actor, actions, base_revision: int) -> Need:
    """Choose the plan actions that answer this need (actions of the same table)."""
    current = Need.objects.select_for_update(of=("self",)).select_related("table").get(pk=need.pk)
    if current.revision != base_revision:
        raise _stale("need")
    actions = list(actions)
    _same_table(current.table, *actions)
    old = sorted(current.actions.values_list("pk", flat=True))
    current.actions.set(actions)
    current.revision += 1
    current.save(update_fields=["revision", "updated_at"])
    audit.record(
        event=Event.PORTRAIT_NEED_ACTIONS_LINKED,
        actor=actor,
        table=current.table,
        target=current,
        old={"actions": ",".join(str(pk) for pk in old)},
        new={"actions": ",".join(str(a.pk) for a in sorted(actions, key=lambda a: a.pk))},
    )
    return current


def _delete_documents(documents) -> None:
    names = [document.file.name for document in documents]

    def remove_files() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(remove_files)


@transaction.atomic
def need_delete(*, need: Need, actor) -> None:
    """Delete a need (its links to actions and evidence go with it)."""
    current = Need.objects.select_for_update(of=("self",)).select_related("table").get(pk=need.pk)
    audit.record(
        event=Event.PORTRAIT_NEED_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old=_finding_snapshot(current),
    )
    _delete_documents(list(current.documents.all()))
    current.delete()


@transaction.atomic
def strength_create(
    *,
    table,
    actor,
    statement: str,
    details: str = "",
    citizens: str = "",
    process=None,
    organizations=(),
    sectors=(),
    indicators=(),
) -> Strength:
    """Record a strength or resource of the territory."""
    strength = Strength(table=table, created_by=actor)
    _apply_finding(
        strength,
        statement=statement,
        details=details,
        citizens=citizens,
        process=process,
        organizations=organizations,
        sectors=sectors,
        indicators=indicators,
    )
    audit.record(
        event=Event.PORTRAIT_STRENGTH_CREATED,
        actor=actor,
        table=table,
        target=strength,
        new=_finding_snapshot(strength),
    )
    return strength


@transaction.atomic
def strength_update(
    *,
    strength: Strength,
    actor,
    statement: str,
    details: str,
    citizens: str,
    process,
    organizations,
    sectors,
    indicators,
    base_revision: int,
) -> Strength:
    """Change a strength. A stale `base_revision` is refused (Conflict)."""
    current = (
        Strength.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=strength.pk)
    )
    if current.revision != base_revision:
        raise _stale("strength")
    old = _finding_snapshot(current)
    current.revision += 1
    _apply_finding(
        current,
        statement=statement,
        details=details,
        citizens=citizens,
        process=process,
        organizations=organizations,
        sectors=sectors,
        indicators=indicators,
    )
    new = _finding_snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.PORTRAIT_STRENGTH_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def strength_delete(*, strength: Strength, actor) -> None:
    current = (
        Strength.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=strength.pk)
    )
    audit.record(
        event=Event.PORTRAIT_STRENGTH_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old=_finding_snapshot(current),
    )
    _delete_documents(list(current.documents.all()))
    current.delete()


# -- evidence documents ----------------------------------------------------


@transaction.atomic
def document_attach(*, finding: Need | Strength, actor, uploaded) -> EvidenceDocument:
    """Attach a file to a need or a strength after checking its name, content and size.

    The accepted kinds and their signatures are the meetings' documents'.
    """
    from tablee.meetings.services import ALLOWED_DOCUMENTS, _sniff

    name = os.path.basename(uploaded.name or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENTS:
        raise _invalid(
            "file",
            _(
                "This type of file is not accepted. Send a PDF, an office document "
                "(odt, ods, odp, docx, xlsx, pptx, doc, xls, ppt) or an image "
                "(png, jpg, gif, webp)."
            ),
        )
    limit = settings.TABLEE_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise _invalid(
            "file",
            _("This file is too large: the limit is %(size)s MB.")
            % {"size": round(limit / (1024 * 1024), 1)},
        )
    if uploaded.size == 0:
        raise _invalid("file", _("This file is empty."))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    content_type = _sniff(extension, head)
    if content_type is None:
        raise _invalid(
            "file",
            _("The content of this file does not match its name (.%(ext)s). Check the file.")
            % {"ext": extension},
        )
    stored = default_storage.save(
        f"portrait/{finding.table_id}/{secrets.token_hex(8)}.{extension}", uploaded
    )
    is_need = isinstance(finding, Need)
    document = EvidenceDocument.objects.create(
        table_id=finding.table_id,
        need=finding if is_need else None,
        strength=None if is_need else finding,
        file=stored,
        original_name=name[:255],
        content_type=content_type,
        size=uploaded.size,
        uploaded_by=actor,
    )
    audit.record(
        event=Event.PORTRAIT_DOCUMENT_ATTACHED,
        actor=actor,
        table=finding.table,
        target=finding,
        new={"document": document.original_name},
    )
    return document


@transaction.atomic
def document_remove(*, document: EvidenceDocument, actor) -> None:
    finding = document.finding
    audit.record(
        event=Event.PORTRAIT_DOCUMENT_REMOVED,
        actor=actor,
        table=document.table,
        target=finding,
        old={"document": document.original_name},
    )
    _delete_documents([document])
    document.delete()
