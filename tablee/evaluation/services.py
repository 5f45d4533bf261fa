"""State changes of evaluation campaigns: one function per intention, audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, DomainError, InvalidInput
from tablee.evaluation import instruments, selectors, tasks
from tablee.evaluation.audit_events import Event
from tablee.evaluation.models import (
    DEFAULT_DIVERGENCE_SD,
    DEFAULT_POLARISATION_PERCENT,
    MIN_THRESHOLD,
    WHEEL_MAX_AXES,
    WHEEL_MIN_AXES,
    WHEEL_SCALE_MAX,
    Attribute,
    Campaign,
    DiscussionNote,
    ExternalInvitation,
    Instrument,
    InviteScope,
    Mode,
    Participation,
    Response,
    WheelAxis,
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
    # Wheel only: [(name, definition), …], or the axes of a previous wheel.
    axes: list[tuple[str, str]] = field(default_factory=list)
    copy_axes_from: Campaign | None = None
    divergence_sd: Decimal = DEFAULT_DIVERGENCE_SD
    polarisation_percent: int = DEFAULT_POLARISATION_PERCENT


def _divergence_sd(value) -> Decimal | None:
    try:
        number = Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if Decimal("0.5") <= number <= Decimal("2.0") else None


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
    if _divergence_sd(data.divergence_sd) is None:
        errors["divergence_sd"] = [_("The divergence spread is between 0.5 and 2.0.")]
    if not isinstance(data.polarisation_percent, int) or not (
        10 <= data.polarisation_percent <= 50
    ):
        errors["polarisation_percent"] = [_("The polarisation share is between 10 and 50 %.")]
    unknown = set(data.attributes) - set(Attribute.values)
    if unknown:
        errors["attributes"] = [_("Unknown respondent attribute.")]
    if data.invite_scope == InviteScope.COMMITTEE and data.committee is None:
        errors["committee"] = [_("Choose the committee invited.")]
    if data.invite_scope == InviteScope.PEOPLE and not data.people:
        errors["people"] = [_("Choose at least one person.")]
    if data.instrument not in Instrument.values:
        errors["instrument"] = [_("Unknown instrument.")]
    if data.instrument == Instrument.WHEEL:
        message = _wheel_axes_error(_wheel_axes(table, data))
        if message:
            errors["axes"] = [message]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], extra={"fields": errors})
    if data.committee is not None:
        assert data.committee.table_id == table.pk
    if data.sharing_decision is not None:
        assert data.sharing_decision.table_id == table.pk


def _wheel_axes(table, data: CampaignInput) -> list[tuple[str, str]]:
    if data.copy_axes_from is not None:
        assert data.copy_axes_from.table_id == table.pk
        return [(a.name, a.definition) for a in selectors.wheel_axes(campaign=data.copy_axes_from)]
    return [(name.strip(), definition.strip()) for name, definition in data.axes]


def _wheel_axes_error(axes: list[tuple[str, str]]) -> str:
    if not WHEEL_MIN_AXES <= len(axes) <= WHEEL_MAX_AXES:
        return _("A wheel has %(min)s to %(max)s axes; %(n)s were given.") % {
            "min": WHEEL_MIN_AXES,
            "max": WHEEL_MAX_AXES,
            "n": len(axes),
        }
    for name, definition in axes:
        if not name or not definition:
            return _("Give every axis a name and a one-sentence definition.")
        if len(name) > 80 or len(definition) > 300:
            return _("An axis name has 80 characters at most, its definition 300.")
    if len({name.casefold() for name, _d in axes}) != len(axes):
        return _("Two axes have the same name.")
    return ""


def _set_wheel_axes(campaign: Campaign, axes: list[tuple[str, str]]) -> bool:
    """Replace the axes of a wheel campaign; False if they did not change."""
    current = [(a.name, a.definition) for a in selectors.wheel_axes(campaign=campaign)]
    if current == axes:
        return False
    if selectors.campaign_has_answers(campaign=campaign):
        raise DomainError(
            _("The axes are frozen: the campaign already has answers scored on them.")
        )
    WheelAxis.objects.filter(campaign=campaign).delete()
    WheelAxis.objects.bulk_create(
        WheelAxis(
            table_id=campaign.table_id,
            campaign=campaign,
            position=position,
            name=name,
            definition=definition,
        )
        for position, (name, definition) in enumerate(axes, 1)
    )
    return True


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
        "instrument": campaign.instrument,
        "divergence_sd": str(campaign.divergence_sd),
        "polarisation_percent": campaign.polarisation_percent,
        "axes": [a.name for a in selectors.wheel_axes(campaign=campaign)]
        if campaign.instrument == Instrument.WHEEL
        else [],
    }


def _apply(campaign: Campaign, data: CampaignInput) -> None:
    campaign.title = data.title.strip()
    campaign.opens_at = data.opens_at
    campaign.closes_at = data.closes_at
    campaign.mode = data.mode
    campaign.anonymity_threshold = data.anonymity_threshold
    campaign.divergence_sd = _divergence_sd(data.divergence_sd)
    campaign.polarisation_percent = data.polarisation_percent
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
    if campaign.instrument == Instrument.WHEEL:
        _set_wheel_axes(campaign, _wheel_axes(table, data))
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
    if data.mode != locked.mode and selectors.campaign_has_answers(campaign=locked):
        raise DomainError(_("The mode cannot change once the campaign has answers."))
    old = _snapshot(locked)
    if data.instrument == Instrument.WHEEL:
        _set_wheel_axes(locked, _wheel_axes(locked.table, data))
    elif locked.instrument == Instrument.WHEEL:
        WheelAxis.objects.filter(campaign=locked).delete()
    locked.instrument = data.instrument
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
    if campaign.mode == Mode.TOGETHER:
        message = _(
            "This campaign is answered together in a meeting: invite the partner to the "
            "meeting; there is no link to answer alone."
        )
        raise InvalidInput(message, extra={"fields": {"email": [message]}})
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


def _wheel_number(value, *, required: bool) -> int | None:
    if value in (None, ""):
        if required:
            raise InvalidInput(_("Score every axis from 0 to 10."))
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= WHEEL_SCALE_MAX:
        raise InvalidInput(_("A score is outside the 0 to 10 scale."))
    return number


def _clean_wheel_answers(campaign: Campaign, values: dict) -> dict[str, dict]:
    """{axis key: {"score": 0–10, "desired": 0–10 or None, "why": text}}."""
    answers = {}
    for axis in selectors.wheel_axes(campaign=campaign):
        why = str(values.get(f"{axis.key}-why") or "").strip()[:1000]
        answers[axis.key] = {
            "score": _wheel_number(values.get(f"{axis.key}-score"), required=True),
            "desired": _wheel_number(values.get(f"{axis.key}-desired"), required=False),
            "why": why,
        }
    return answers


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
    if locked.mode == Mode.TOGETHER:
        raise DomainError(
            _(
                "This campaign is answered together in a meeting: "
                "the coordination records the group's answer."
            )
        )
    if locked.instrument == Instrument.WHEEL:
        clean = _clean_wheel_answers(locked, answers)
        if not clean:
            raise DomainError(_("This wheel has no axes yet."))
    else:
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


@transaction.atomic
def campaign_record_group_answer(
    *, campaign: Campaign, actor, answers: dict, people_present: int, revision: int
) -> Response:
    """Record (or correct) the one answer a group agreed on in a meeting.

    Mode "together" only. Nobody's own answer exists, so there is nothing to
    hide below the anonymity threshold; the number of people present is kept
    and shown beside the results instead of a response rate.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if locked.revision != revision:
        raise Conflict(
            _("Someone changed this campaign in the meantime. Review it and save again."),
            extra={"revision": locked.revision},
        )
    if locked.mode != Mode.TOGETHER:
        raise DomainError(
            _("Only a campaign answered together in a meeting takes a group answer.")
        )
    if selectors.campaign_state(locked) == "upcoming":
        raise DomainError(_("This campaign is not open yet."))
    if not isinstance(people_present, int) or not 1 <= people_present <= 500:
        raise InvalidInput(
            _("Say how many people took part (1 to 500)."),
            extra={"fields": {"people_present": [_("Say how many people took part (1 to 500).")]}},
        )
    if locked.instrument == Instrument.WHEEL:
        clean = _clean_wheel_answers(locked, answers)
        if not clean:
            raise DomainError(_("This wheel has no axes yet."))
    else:
        clean = _clean_answers(answers)
        if all(v is None for v in clean.values()):
            raise InvalidInput(_("Answer at least one statement."))
    existing = Response.objects.filter(campaign=locked, people_present__isnull=False).first()
    old = None
    if existing is None:
        response = Response.objects.create(
            table=locked.table,
            campaign=locked,
            attributes={},
            answers=clean,
            people_present=people_present,
        )
        event = Event.EVALUATION_GROUP_ANSWER_RECORDED
    else:
        old = {"people_present": existing.people_present}
        existing.answers = clean
        existing.people_present = people_present
        existing.save(update_fields=["answers", "people_present"])
        response = existing
        event = Event.EVALUATION_GROUP_ANSWER_CORRECTED
    locked.revision += 1
    locked.save(update_fields=["revision", "updated_at"])
    audit.record(
        table=locked.table,
        actor=actor,
        event=event,
        target=locked,
        old=old,
        new={"people_present": people_present},
    )
    return response


@transaction.atomic
def campaign_delete(*, campaign: Campaign, actor) -> None:
    """Delete a campaign created by mistake, before anybody answered it.

    Once it has answers it is the table's memory (and a later comparison's
    baseline), so it stays.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if selectors.campaign_has_answers(campaign=locked):
        raise DomainError(_("This campaign already has answers: it stays in the table's memory."))
    snapshot = _snapshot(locked)
    audit.record(
        table=locked.table,
        actor=actor,
        event=Event.EVALUATION_CAMPAIGN_DELETED,
        target=locked,
        old=snapshot,
    )
    locked.delete()  # axes, invitations and notes cascade with it
