"""State changes of the relations survey: one function per intention, each audited once.

The audit log names the organization whose answers were saved and how many
ratings it gave, never the levels, trust or value themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, DomainError, InvalidInput, InvalidTransition
from tablee.organizations.selectors import table_seated_organizations
from tablee.relationsurvey import selectors
from tablee.relationsurvey.audit_events import Event
from tablee.relationsurvey.models import (
    MAX_LEVEL,
    MIN_LEVEL,
    MIN_THRESHOLD,
    RATING_MAX,
    RATING_MIN,
    AnswerSet,
    Participant,
    TieRating,
    TieRule,
    Wave,
)

MIN_PARTICIPANTS = 2


@dataclass
class WaveInput:
    title: str
    opens_at: datetime
    closes_at: datetime
    tie_level: int = 2
    tie_rule: str = TieRule.EITHER
    ask_trust_value: bool = False
    anonymity_threshold: int = 5


@dataclass
class RatingInput:
    level: int | None
    trust: int | None = None
    value: int | None = None


def _validate(data: WaveInput) -> None:
    errors: dict[str, list[str]] = {}
    if not (data.title or "").strip():
        errors["title"] = [_("Give the wave a title.")]
    elif len(data.title.strip()) > 200:
        errors["title"] = [_("Keep the title under 200 characters.")]
    if data.closes_at <= data.opens_at:
        errors["closes_at"] = [_("The wave must close after it opens.")]
    if not isinstance(data.tie_level, int) or not 1 <= data.tie_level <= MAX_LEVEL:
        errors["tie_level"] = [_("A tie counts from a level between 1 and 5.")]
    if data.tie_rule not in TieRule.values:
        errors["tie_rule"] = [_("Choose when a tie counts.")]
    if not isinstance(data.anonymity_threshold, int) or data.anonymity_threshold < MIN_THRESHOLD:
        errors["anonymity_threshold"] = [
            _("The anonymity threshold is %(min)s organizations at least.")
            % {"min": MIN_THRESHOLD}
        ]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], extra={"fields": errors})


def _settings(wave: Wave) -> dict:
    return {
        "title": wave.title,
        "opens_at": wave.opens_at.isoformat(),
        "closes_at": wave.closes_at.isoformat(),
        "tie_level": wave.tie_level,
        "tie_rule": wave.tie_rule,
        "ask_trust_value": wave.ask_trust_value,
        "anonymity_threshold": wave.anonymity_threshold,
    }


@transaction.atomic
def wave_create(*, table, actor: User, data: WaveInput) -> Wave:
    """Open a wave for the organizations seated at the table today."""
    _validate(data)
    organizations = table_seated_organizations(table=table)
    if len(organizations) < MIN_PARTICIPANTS:
        raise InvalidTransition(
            _(
                "At least two organizations need a seat at the table before their relations "
                "can be surveyed."
            )
        )
    wave = Wave.objects.create(
        table=table,
        title=data.title.strip(),
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        tie_level=data.tie_level,
        tie_rule=data.tie_rule,
        ask_trust_value=data.ask_trust_value,
        anonymity_threshold=data.anonymity_threshold,
        created_by=actor,
    )
    Participant.objects.bulk_create(
        Participant(table=table, wave=wave, organization=org, sector_id=org.sector_id)
        for org in organizations
    )
    audit.record(
        event=Event.RELATION_WAVE_CREATED,
        actor=actor,
        table=table,
        target=wave,
        new={**_settings(wave), "organizations": len(organizations)},
    )
    return wave


@transaction.atomic
def wave_update(*, wave: Wave, actor: User, data: WaveInput, revision: int) -> Wave:
    """Change a wave's title, dates, tie rule and thresholds. Stale edits are refused.

    The participating organizations stay as they were when the wave was created.
    """
    current = Wave.objects.select_for_update(of=("self",)).select_related("table").get(pk=wave.pk)
    if current.revision != revision:
        raise Conflict(
            _(
                "Someone else changed this wave while you were editing it. Your changes were "
                "not saved: look at their version, then edit again."
            )
        )
    _validate(data)
    old = _settings(current)
    current.title = data.title.strip()
    current.opens_at = data.opens_at
    current.closes_at = data.closes_at
    current.tie_level = data.tie_level
    current.tie_rule = data.tie_rule
    current.ask_trust_value = data.ask_trust_value
    current.anonymity_threshold = data.anonymity_threshold
    current.revision += 1
    current.save()
    new = _settings(current)
    changed = [key for key in old if old[key] != new[key]]
    audit.record(
        event=Event.RELATION_WAVE_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return current


def _field_errors(wave: Wave, targets: list, ratings: dict[int, RatingInput]) -> dict:
    """Check the whole grid; return {field name: [message]} (empty when valid)."""
    errors: dict[str, list[str]] = {}
    target_ids = {org.pk for org in targets}
    for pk in ratings:
        if pk not in target_ids:
            errors[f"level_{pk}"] = [_("This organization does not take part in the wave.")]
    for org in targets:
        rating = ratings.get(org.pk) or RatingInput(level=None)
        if rating.level is None:
            errors[f"level_{org.pk}"] = [
                _("Choose a level for %(name)s (0 if there is no link).") % {"name": org.name}
            ]
            continue
        if not isinstance(rating.level, int) or not MIN_LEVEL <= rating.level <= MAX_LEVEL:
            errors[f"level_{org.pk}"] = [_("Choose a level from 0 to 5.")]
            continue
        for name in ("trust", "value"):
            given = getattr(rating, name)
            if given is None:
                continue
            key = f"{name}_{org.pk}"
            if not wave.ask_trust_value:
                errors[key] = [_("This wave does not ask for trust and value.")]
            elif not isinstance(given, int) or not RATING_MIN <= given <= RATING_MAX:
                errors[key] = [_("Trust and value go from 1 to 4.")]
            elif rating.level == 0:
                errors[key] = [
                    _(
                        "Rate trust and value only for an organization you have a link with "
                        "(level 1 or more)."
                    )
                ]
    return errors


def _save(
    *,
    wave: Wave,
    organization,
    actor: User,
    ratings: dict[int, RatingInput],
    base_revision: int,
    entered: bool,
) -> AnswerSet:
    # Lock the wave so two first saves of one organization queue up.
    current = Wave.objects.select_for_update(of=("self",)).select_related("table").get(pk=wave.pk)
    if current.state == "upcoming":
        raise InvalidTransition(
            _("The wave is not open yet: answers can be given from its opening.")
        )
    if current.state == "closed":
        raise InvalidTransition(_("The wave is closed: its answers can no longer change."))
    participants = selectors.participant_list(wave=current)
    if organization.pk not in {p.organization_id for p in participants}:
        raise InvalidInput(_("This organization does not take part in the wave."))
    targets = [p.organization for p in participants if p.organization_id != organization.pk]
    existing = (
        AnswerSet.objects.select_for_update(of=("self",))
        .filter(wave=current, organization=organization)
        .first()
    )
    if (existing.revision if existing else 0) != base_revision:
        raise Conflict(
            _(
                "Someone else saved answers for this organization while you were editing. "
                "Your answers were not saved: look at theirs, then answer again."
            )
        )
    errors = _field_errors(current, targets, ratings)
    if errors:
        first = next(iter(errors.values()))[0]
        message = (
            _("%(n)s answers need attention; nothing was saved.") % {"n": len(errors)}
            if len(errors) > 1
            else first
        )
        raise InvalidInput(message, extra={"fields": errors})
    if existing is None:
        answer_set = AnswerSet.objects.create(
            table=current.table,
            wave=current,
            organization=organization,
            saved_by=actor,
            entered_by_coordination=entered,
        )
    else:
        answer_set = existing
        answer_set.revision += 1
        answer_set.saved_by = actor
        answer_set.entered_by_coordination = entered
        answer_set.save()
        answer_set.ratings.all().delete()
    TieRating.objects.bulk_create(
        TieRating(
            table=current.table,
            wave=current,
            answer_set=answer_set,
            source=organization,
            target=target,
            level=ratings[target.pk].level,
            trust=ratings[target.pk].trust if current.ask_trust_value else None,
            value=ratings[target.pk].value if current.ask_trust_value else None,
        )
        for target in targets
    )
    audit.record(
        event=Event.RELATION_ANSWERS_ENTERED if entered else Event.RELATION_ANSWERS_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        new={
            "organization": organization.pk,
            "organization_name": organization.name,
            "ratings": len(targets),
            "revision": answer_set.revision,
        },
    )
    return answer_set


@transaction.atomic
def answers_save(
    *,
    wave: Wave,
    organization,
    actor: User,
    ratings: dict[int, RatingInput],
    base_revision: int,
) -> AnswerSet:
    """Save the whole grid of an organization, as its representative. All or nothing.

    `base_revision` is the revision of the answers the person started from
    (0 when there were none): a save made meanwhile by someone else is never
    silently overwritten.
    """
    return _save(
        wave=wave,
        organization=organization,
        actor=actor,
        ratings=ratings,
        base_revision=base_revision,
        entered=False,
    )


@transaction.atomic
def answers_enter(
    *,
    wave: Wave,
    organization,
    actor: User,
    ratings: dict[int, RatingInput],
    base_revision: int,
) -> AnswerSet:
    """Type in an organization's answers collected another way (on paper), as the coordination."""
    return _save(
        wave=wave,
        organization=organization,
        actor=actor,
        ratings=ratings,
        base_revision=base_revision,
        entered=True,
    )


@transaction.atomic
def wave_delete(*, wave: Wave, actor: User) -> None:
    """Delete a wave created by mistake, before any organization answered it."""
    current = Wave.objects.select_for_update(of=("self",)).select_related("table").get(pk=wave.pk)
    if AnswerSet.objects.filter(wave=current).exists():
        raise DomainError(
            _("Organizations have already answered this wave: it stays in the table's memory.")
        )
    audit.record(
        event=Event.RELATION_WAVE_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old=_settings(current),
    )
    current.delete()  # its participants go with it
