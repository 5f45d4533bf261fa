"""State changes of evaluation campaigns: one function per intention, audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, DomainError, InvalidInput
from tablee.evaluation import instruments, selectors, tasks
from tablee.evaluation.audit_events import Event
from tablee.evaluation.models import (
    MIN_THRESHOLD,
    Attribute,
    Campaign,
    DiscussionNote,
    ExternalInvitation,
    Instrument,
    InviteScope,
    Participation,
    Response,
)


class AlreadyAnswered(DomainError):
    code = "already_answered"


@dataclass
class CampaignInput:
    title: str
    opens_at: datetime
    closes_at: datetime
    mode: str
    anonymity_threshold: int = 5
    attributes: list[str] = field(default_factory=lambda: [a.value for a in Attribute])
    invite_scope: str = InviteScope.ALL_SEATS
    committee: object | None = None
    people: list = field(default_factory=list)
    sharing_decision: object | None = None
    instrument: str = Instrument.DIAGNOSTIC


def _validate(table, data: CampaignInput) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Give the campaign a title.")]
    if data.closes_at <= data.opens_at:
        errors["closes_at"] = [_("The campaign must close after it opens.")]
    if data.anonymity_threshold < MIN_THRESHOLD:
        errors["anonymity_threshold"] = [
            _("The anonymity threshold is %(min)s respondents at least.") % {"min": MIN_THRESHOLD}
        ]
    unknown = set(data.attributes) - set(Attribute.values)
    if unknown:
        errors["attributes"] = [_("Unknown respondent attribute.")]
    if data.invite_scope == InviteScope.COMMITTEE and data.committee is None:
        errors["committee"] = [_("Choose the committee invited.")]
    if data.invite_scope == InviteScope.PEOPLE and not data.people:
        errors["people"] = [_("Choose at least one person.")]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], extra={"fields": errors})
    if data.committee is not None:
        assert data.committee.table_id == table.pk
    if data.sharing_decision is not None:
        assert data.sharing_decision.table_id == table.pk


def _snapshot(campaign: Campaign) -> dict:
    return {
        "title": campaign.title,
        "opens_at": campaign.opens_at.isoformat(),
        "closes_at": campaign.closes_at.isoformat(),
        "mode": campaign.mode,
        "anonymity_threshold": campaign.anonymity_threshold,
        "invite_scope": campaign.invite_scope,
        "results_shared": campaign.results_shared,
        "sharing_decision": campaign.sharing_decision_id,
    }


def _apply(campaign: Campaign, data: CampaignInput) -> None:
    campaign.title = data.title.strip()
    campaign.opens_at = data.opens_at
    campaign.closes_at = data.closes_at
    campaign.mode = data.mode
    campaign.anonymity_threshold = data.anonymity_threshold
    campaign.attributes = [a for a in Attribute.values if a in set(data.attributes)]
    campaign.invite_scope = data.invite_scope
    campaign.committee = data.committee if data.invite_scope == InviteScope.COMMITTEE else None
    campaign.sharing_decision = data.sharing_decision
    campaign.results_shared = data.sharing_decision is not None


@transaction.atomic
def campaign_create(*, table, actor, data: CampaignInput) -> Campaign:
    _validate(table, data)
    campaign = Campaign(table=table, instrument=data.instrument, created_by=actor)
    _apply(campaign, data)
    campaign.full_clean()
    campaign.save()
    if data.invite_scope == InviteScope.PEOPLE:
        campaign.invited_people.set(data.people)
    audit.record(
        table=table,
        actor=actor,
        event=Event.EVALUATION_CAMPAIGN_CREATED,
        target=campaign,
        new=_snapshot(campaign),
    )
    return campaign


@transaction.atomic
def campaign_update(*, campaign: Campaign, actor, data: CampaignInput, revision: int) -> Campaign:
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if locked.revision != revision:
        raise Conflict(
            _("Someone changed this campaign in the meantime. Review it and save again."),
            extra={"revision": locked.revision},
        )
    _validate(locked.table, data)
    if data.instrument != locked.instrument and selectors.campaign_has_answers(campaign=locked):
        raise DomainError(_("The instrument cannot change once the campaign has answers."))
    old = _snapshot(locked)
    _apply(locked, data)
    locked.revision += 1
    locked.full_clean()
    locked.save()
    locked.invited_people.set(data.people if data.invite_scope == InviteScope.PEOPLE else [])
    audit.record(
        table=locked.table,
        actor=actor,
        event=Event.EVALUATION_CAMPAIGN_UPDATED,
        target=locked,
        old=old,
        new=_snapshot(locked),
    )
    return locked


@transaction.atomic
def campaign_invite_external(*, campaign: Campaign, actor, email: str, name: str = ""):
    email = email.strip().lower()
    if ExternalInvitation.objects.filter(campaign=campaign, email=email).exists():
        raise InvalidInput(
            _("This address is already invited."),
            extra={"fields": {"email": [_("This address is already invited.")]}},
        )
    invitation = ExternalInvitation.objects.create(
        table=campaign.table, campaign=campaign, email=email, name=name.strip(), invited_by=actor
    )
    audit.record(
        table=campaign.table,
        actor=actor,
        event=Event.EVALUATION_EXTERNAL_INVITED,
        target=campaign,
        new={"email": email},
    )
    transaction.on_commit(
        lambda: tasks.send_external_invitation.enqueue(invitation_id=invitation.pk)
    )
    return invitation


def _clean_answers(values: dict) -> dict[str, int | None]:
    answers: dict[str, int | None] = {}
    for code in instruments.ITEMS:
        value = values.get(code)
        if value in (None, "", instruments.DONT_KNOW):
            answers[code] = None
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 5:
            raise InvalidInput(_("An answer is outside the scale."))
        answers[code] = number
    return answers


@transaction.atomic
def campaign_answer(*, campaign: Campaign, actor=None, external=None, answers: dict) -> None:
    """Record one anonymous response and, apart, that this person answered.

    The Participation and the Response are written in the same transaction
    but share nothing but the campaign.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if selectors.campaign_state(locked) != "open":
        raise DomainError(_("This campaign is not open for answers."))
    clean = _clean_answers(answers)
    if all(v is None for v in clean.values()):
        raise InvalidInput(_("Answer at least one statement."))
    if external is not None:
        assert external.campaign_id == locked.pk
        attributes = selectors.external_attributes(campaign=locked)
    else:
        attributes = selectors.respondent_attributes(campaign=locked, user=actor)
    try:
        with transaction.atomic():
            Participation.objects.create(
                table=locked.table,
                campaign=locked,
                person=actor if external is None else None,
                external=external,
            )
    except IntegrityError as exc:
        raise AlreadyAnswered(_("You have already answered this campaign.")) from exc
    Response.objects.create(
        table=locked.table, campaign=locked, attributes=attributes, answers=clean
    )
    audit.record(
        table=locked.table,
        actor=actor if external is None else None,
        event=Event.EVALUATION_ANSWERED,
        target=locked,
    )


@transaction.atomic
def discussion_notes_save(*, campaign: Campaign, actor, notes: dict[str, str]) -> None:
    """Save what the table decided about items of the discussion sheet."""
    existing = {n.item_code: n for n in DiscussionNote.objects.filter(campaign=campaign)}
    changed = {}
    for code, text in notes.items():
        if code not in instruments.ITEMS:
            raise InvalidInput(_("Unknown item."))
        text = text.strip()
        note = existing.get(code)
        if note is None:
            if text:
                DiscussionNote.objects.create(
                    table=campaign.table, campaign=campaign, item_code=code, text=text
                )
                changed[code] = text
        elif note.text != text:
            note.text = text
            note.save(update_fields=["text", "updated_at"])
            changed[code] = text
    audit.record(
        table=campaign.table,
        actor=actor,
        event=Event.EVALUATION_DISCUSSION_SAVED,
        target=campaign,
        new={"items": sorted(changed)},
    )
