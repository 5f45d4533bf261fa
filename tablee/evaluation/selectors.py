"""Reads of evaluation campaigns: lists, invitees, aggregated results only.

No function here returns a Response together with anything that names a
person, and results are computed only from (attributes, answers) pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tablee.evaluation import instruments, scoring
from tablee.evaluation.models import (
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

SENIORITY_NEW, SENIORITY_MID, SENIORITY_LONG = "lt1", "1to3", "3plus"


def campaign_state(campaign: Campaign, *, now=None) -> str:
    now = now or timezone.now()
    if now < campaign.opens_at:
        return "upcoming"
    if now < campaign.closes_at:
        return "open"
    return "closed"


def campaign_list(*, table) -> QuerySet[Campaign]:
    return (
        Campaign.objects.for_table(table)
        .select_related("committee", "sharing_decision")
        .annotate(answered=Count("participations", distinct=True))
        .order_by("-opens_at", "-id")
    )


def campaign_get(*, table, campaign_id: int) -> Campaign | None:
    return (
        Campaign.objects.for_table(table)
        .select_related("table", "committee", "sharing_decision")
        .filter(pk=campaign_id)
        .first()
    )


def shared_campaign(*, table_slug: str, campaign_id: int, decision_id: int) -> Campaign | None:
    """A campaign whose results its table shared by this very decision, or None."""
    return (
        Campaign.objects.select_related("table", "sharing_decision")
        .filter(
            pk=campaign_id,
            table__slug=table_slug,
            table__deleted_at__isnull=True,
            results_shared=True,
            sharing_decision_id=decision_id,
        )
        .first()
    )


def campaign_has_answers(*, campaign: Campaign) -> bool:
    return Response.objects.filter(campaign=campaign).exists()


def invitee_ids(*, campaign: Campaign) -> set[int]:
    """Ids of the people of the table invited to answer."""
    from tablee.members.models import CommitteeMember, SeatHolding

    if campaign.invite_scope == InviteScope.ALL_SEATS:
        rows = SeatHolding.objects.for_table(campaign.table_id).filter(
            ended_on__isnull=True, seat__closed_at__isnull=True
        )
    elif campaign.invite_scope == InviteScope.COMMITTEE:
        rows = CommitteeMember.objects.for_table(campaign.table_id).filter(
            committee_id=campaign.committee_id
        )
        if hasattr(CommitteeMember, "ended_on"):
            rows = rows.filter(ended_on__isnull=True)
    else:
        return set(campaign.invited_people.values_list("pk", flat=True))
    return set(rows.values_list("person_id", flat=True))


def is_invited(*, campaign: Campaign, user) -> bool:
    return user.pk in invitee_ids(campaign=campaign)


def has_answered(*, campaign: Campaign, user=None, external=None) -> bool:
    rows = Participation.objects.filter(campaign=campaign)
    if external is not None:
        return rows.filter(external=external).exists()
    return rows.filter(person=user).exists()


def externals(*, campaign: Campaign) -> QuerySet[ExternalInvitation]:
    return ExternalInvitation.objects.filter(campaign=campaign).order_by("email")


def external_get(*, invitation_id: int) -> ExternalInvitation | None:
    return (
        ExternalInvitation.objects.select_related("campaign", "campaign__table", "table")
        .filter(pk=invitation_id)
        .first()
    )


@dataclass
class Rate:
    answered: int
    invited: int

    @property
    def percent(self) -> int | None:
        if not self.invited:
            return None
        return round(100 * self.answered / self.invited)


def response_rate(*, campaign: Campaign) -> Rate:
    """Who answered out of who was invited; in a meeting, who was present."""
    if campaign.mode == Mode.TOGETHER:
        answered = (
            Response.objects.filter(campaign=campaign, people_present__isnull=False)
            .values_list("people_present", flat=True)
            .first()
            or 0
        )
    else:
        answered = Participation.objects.filter(campaign=campaign).count()
    invited = len(invitee_ids(campaign=campaign)) + campaign.externals.count()
    return Rate(answered=answered, invited=max(invited, answered))


def non_respondents(*, campaign: Campaign):
    """People and external invitations who have not answered yet (for reminders)."""
    from tablee.accounts.models import User

    done = Participation.objects.filter(campaign=campaign)
    people_done = set(done.exclude(person=None).values_list("person_id", flat=True))
    externals_done = set(done.exclude(external=None).values_list("external_id", flat=True))
    people = User.objects.filter(
        pk__in=invitee_ids(campaign=campaign) - people_done, is_active=True
    )
    pending_externals = ExternalInvitation.objects.filter(campaign=campaign).exclude(
        pk__in=externals_done
    )
    return list(people), list(pending_externals)


def campaigns_to_remind(*, today: date) -> list[int]:
    now = timezone.now()
    return list(
        Campaign.objects.filter(
            opens_at__lte=now, closes_at__gt=now, table__deleted_at__isnull=True
        )
        # Answered together in a meeting: nobody has anything to answer alone.
        .exclude(mode=Mode.TOGETHER)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=today))
        .values_list("pk", flat=True)
    )


def campaign_for_reminder(*, campaign_id: int) -> Campaign | None:
    return (
        Campaign.objects.select_for_update().select_related("table").filter(pk=campaign_id).first()
    )


def respondent_attributes(*, campaign: Campaign, user) -> dict[str, str]:
    """The attributes of a person of the table, captured when they answer."""
    from tablee.members.models import SeatHolding
    from tablee.tables.models import Membership

    wanted = set(campaign.attributes)
    if not wanted:
        return {}
    holding = (
        SeatHolding.objects.for_table(campaign.table_id)
        .filter(person=user, ended_on__isnull=True)
        .select_related("seat__organization__sector", "seat__sector")
        .order_by("position", "started_on")
        .first()
    )
    membership = Membership.objects.current().filter(table_id=campaign.table_id, user=user).first()
    seat = holding.seat if holding else None
    values: dict[str, str] = {}
    if seat is not None:
        sector = seat.sector or (seat.organization.sector if seat.organization_id else None)
        values[Attribute.SECTOR] = sector.code if sector else ""
        values[Attribute.ORGANIZATION_KIND] = (
            seat.organization.kind if seat.organization_id else "none"
        )
        values[Attribute.ACTOR_TYPE] = seat.actor_type
    if membership is not None:
        values[Attribute.ROLE] = membership.role
        since = holding.started_on if holding else membership.created_at.date()
        years = (timezone.localdate() - since).days / 365.25
        values[Attribute.SENIORITY] = (
            SENIORITY_NEW if years < 1 else SENIORITY_MID if years < 3 else SENIORITY_LONG
        )
    return {k: v for k, v in values.items() if k in wanted}


def external_attributes(*, campaign: Campaign) -> dict[str, str]:
    values = {Attribute.ACTOR_TYPE: "external", Attribute.ROLE: "external"}
    return {k: v for k, v in values.items() if k in set(campaign.attributes)}


# --- results ----------------------------------------------------------------


def _answer_pairs(campaign: Campaign) -> list[tuple[dict, dict]]:
    return [
        (attributes or {}, answers or {})
        for attributes, answers in Response.objects.filter(campaign=campaign).values_list(
            "attributes", "answers"
        )
    ]


def _structure():
    return [
        (d.code, str(d.title), [(i.code, str(i.text)) for i in d.items])
        for d in instruments.DIAGNOSTIC
    ]


@dataclass
class Group:
    label: str
    n: int
    dimensions: list


@dataclass
class Results:
    campaign: Campaign
    rate: Rate
    respondents: int
    visible: bool
    dimensions: list = field(default_factory=list)
    lowest: list = field(default_factory=list)
    divergent: list = field(default_factory=list)
    attribute: str = ""
    groups: list = field(default_factory=list)
    groups_suppressed: bool = False
    hidden_groups: int = 0


def attribute_label(attribute: str, value: str, *, sectors: dict | None = None) -> str:
    from django.utils.translation import gettext as _

    from tablee.members.models import ActorType
    from tablee.organizations.models import OrganizationKind, Sector
    from tablee.tables.models import Role

    if not value:
        return _("Not stated")
    if value == "external":
        return _("External partner")
    if attribute == Attribute.SECTOR:
        if sectors is None:
            sectors = {s.code: s for s in Sector.objects.filter(code=value)}
        sector = sectors.get(value)
        return sector.name if sector else value
    choices = {
        Attribute.ORGANIZATION_KIND: {
            **dict(OrganizationKind.choices),
            "none": _("No organization"),
        },
        Attribute.ACTOR_TYPE: dict(ActorType.choices),
        Attribute.ROLE: dict(Role.choices),
        Attribute.SENIORITY: {
            SENIORITY_NEW: _("Less than a year"),
            SENIORITY_MID: _("One to three years"),
            SENIORITY_LONG: _("Three years or more"),
        },
    }.get(attribute, {})
    return str(choices.get(value, value))


def group_answer(*, campaign: Campaign) -> Response | None:
    """The one answer a group agreed on in a meeting (mode "together"), if recorded.

    It belongs to nobody, so unlike other responses it may be read back to
    be corrected.
    """
    return Response.objects.filter(campaign=campaign, people_present__isnull=False).first()


def thresholds(campaign: Campaign) -> scoring.Thresholds:
    """The campaign's own "divergent perceptions" thresholds."""
    return scoring.Thresholds(
        divergence_sd=float(campaign.divergence_sd),
        polarisation_share=campaign.polarisation_percent / 100,
    )


def is_visible(campaign: Campaign, respondents: int) -> bool:
    """Results show from the threshold on; a group answer is nobody's own."""
    if campaign.mode == Mode.TOGETHER:
        return respondents > 0
    return respondents >= campaign.anonymity_threshold


def campaign_results(*, campaign: Campaign, by: str = "") -> Results:
    """Aggregates only; nothing at all below the anonymity threshold."""
    pairs = _answer_pairs(campaign)
    rate = response_rate(campaign=campaign)
    threshold = campaign.anonymity_threshold
    results = Results(
        campaign=campaign,
        rate=rate,
        respondents=len(pairs),
        visible=is_visible(campaign, len(pairs)),
    )
    if not results.visible:
        return results
    structure = _structure()
    answer_sets = [a for _attrs, a in pairs]
    limits = thresholds(campaign)
    results.dimensions = scoring.score(answer_sets, structure, thresholds=limits)
    items = [i for d in results.dimensions for i in d.children]
    results.lowest, results.divergent = scoring.lowest_and_divergent(items)
    if by and by in campaign.attributes and campaign.mode != Mode.TOGETHER:
        from django.utils.translation import gettext as _

        results.attribute = by
        breakdown = scoring.group_breakdown(pairs, by, threshold=threshold)
        sectors = None
        if by == Attribute.SECTOR:
            from tablee.organizations.models import Sector

            sectors = {s.code: s for s in Sector.objects.filter(code__in=list(breakdown.shown))}
        results.groups_suppressed = breakdown.suppressed
        results.hidden_groups = breakdown.hidden_groups
        for value, sets in sorted(breakdown.shown.items()):
            results.groups.append(
                Group(
                    attribute_label(by, value, sectors=sectors),
                    len(sets),
                    scoring.score(sets, structure, thresholds=limits),
                )
            )
        if breakdown.pooled:
            results.groups.append(
                Group(
                    _("Other groups together"),
                    len(breakdown.pooled),
                    scoring.score(breakdown.pooled, structure, thresholds=limits),
                )
            )
    return results


def discussion_notes(*, campaign: Campaign) -> dict[str, DiscussionNote]:
    return {n.item_code: n for n in DiscussionNote.objects.filter(campaign=campaign)}


def campaigns_for_person(*, table, user) -> set[int]:
    """Ids of the table's campaigns this person already answered."""
    return set(
        Participation.objects.for_table(table)
        .filter(person=user)
        .values_list("campaign_id", flat=True)
    )


# --- appreciation wheel -----------------------------------------------------


def wheel_axes(*, campaign: Campaign) -> list[WheelAxis]:
    return list(WheelAxis.objects.filter(campaign=campaign).order_by("position"))


def wheel_campaigns(*, table, exclude: int | None = None) -> list[Campaign]:
    """Wheel campaigns of the table, newest first (to copy their axes)."""
    rows = Campaign.objects.for_table(table).filter(instrument=Instrument.WHEEL)
    if exclude:
        rows = rows.exclude(pk=exclude)
    return list(rows.order_by("-opens_at", "-id")[:50])


def default_wheel_attribute(campaign: Campaign) -> str:
    for attribute in (Attribute.ROLE, Attribute.SECTOR):
        if attribute in campaign.attributes:
            return attribute
    return campaign.attributes[0] if campaign.attributes else ""


@dataclass
class WheelGroup:
    label: str
    n: int
    axes: dict  # axis key → scoring.AxisSummary


@dataclass
class WheelResults:
    campaign: Campaign
    rate: Rate
    respondents: int
    visible: bool
    axes: list = field(default_factory=list)
    overall: dict = field(default_factory=dict)  # axis key → AxisSummary
    attribute: str = ""
    groups: list = field(default_factory=list)
    groups_suppressed: bool = False
    hidden_groups: int = 0
    gaps: list = field(default_factory=list)  # scoring.Gap, groups by label
    trend_campaigns: list = field(default_factory=list)  # oldest first, this one last
    trend: list = field(default_factory=list)  # scoring.TrendRow
    notes: dict = field(default_factory=dict)  # axis key → ["why" notes], in alphabetical order


def _axis_signature(axes) -> tuple:
    return tuple(a.name.casefold() for a in axes)


def wheel_results(*, campaign: Campaign, by: str = "") -> WheelResults:
    """Aggregates only; nothing below the anonymity threshold, groups included."""
    from django.utils.translation import gettext as _

    pairs = _answer_pairs(campaign)
    threshold = campaign.anonymity_threshold
    axes = wheel_axes(campaign=campaign)
    keys = [a.key for a in axes]
    results = WheelResults(
        campaign=campaign,
        rate=response_rate(campaign=campaign),
        respondents=len(pairs),
        visible=is_visible(campaign, len(pairs)),
        axes=axes,
    )
    if not results.visible:
        return results
    results.overall = scoring.summarize_wheel([a for _attrs, a in pairs], keys)
    # The "why" notes feed the discussion: shown per axis, never with a group
    # or a score beside them, and sorted so their order says nothing of who wrote them.
    for key in keys:
        notes = [
            str(answers.get(key, {}).get("why") or "").strip()
            for _attrs, answers in pairs
            if isinstance(answers.get(key), dict)
        ]
        notes = sorted({n for n in notes if n}, key=str.casefold)
        if notes:
            results.notes[key] = notes
    by = by if by in campaign.attributes else default_wheel_attribute(campaign)
    if campaign.mode == Mode.TOGETHER:
        by = ""  # one group answer: no groups to compare
    if by:
        results.attribute = by
        breakdown = scoring.group_breakdown(pairs, by, threshold=threshold)
        results.groups_suppressed = breakdown.suppressed
        results.hidden_groups = breakdown.hidden_groups
        sectors = None
        if by == Attribute.SECTOR:
            from tablee.organizations.models import Sector

            sectors = {s.code: s for s in Sector.objects.filter(code__in=list(breakdown.shown))}
        for value, sets in sorted(breakdown.shown.items()):
            results.groups.append(
                WheelGroup(
                    attribute_label(by, value, sectors=sectors),
                    len(sets),
                    scoring.summarize_wheel(sets, keys),
                )
            )
        if breakdown.pooled:
            results.groups.append(
                WheelGroup(
                    _("Other groups together"),
                    len(breakdown.pooled),
                    scoring.summarize_wheel(breakdown.pooled, keys),
                )
            )
        results.gaps = scoring.wheel_gaps(
            {g.label: {k: s.median for k, s in g.axes.items()} for g in results.groups}, keys
        )
    # Over time: earlier wheel campaigns of the table scored on the same axes.
    signature = _axis_signature(axes)
    earlier = (
        Campaign.objects.for_table(campaign.table_id)
        .filter(instrument=Instrument.WHEEL, opens_at__lt=campaign.opens_at)
        .exclude(pk=campaign.pk)
        .prefetch_related("wheel_axes")
        .order_by("opens_at", "id")[:20]
    )
    same = [c for c in earlier if _axis_signature(c.wheel_axes.all()) == signature]
    if same:
        answers_by_campaign: dict[int, list] = {c.pk: [] for c in same}
        for campaign_id, answers in Response.objects.filter(
            campaign_id__in=list(answers_by_campaign)
        ).values_list("campaign_id", "answers"):
            answers_by_campaign[campaign_id].append(answers or {})
        series = []
        for other in same:
            sets = answers_by_campaign[other.pk]
            if not is_visible(other, len(sets)):
                series.append(dict.fromkeys(keys))  # below its threshold: nothing shown
            else:
                summary = scoring.summarize_wheel(sets, keys)
                series.append({k: s.median for k, s in summary.items()})
        series.append({k: s.median for k, s in results.overall.items()})
        results.trend_campaigns = [*same, campaign]
        results.trend = scoring.wheel_trend(series, keys)
    return results


# --- year over year -----------------------------------------------------------

# A change of half a point on the 1–5 scale is worth reading aloud; smaller
# moves are within what a different set of respondents alone can produce.
NOTABLE_CHANGE = 0.5


@dataclass
class ChangeRow:
    code: str
    label: str
    before: scoring.Summary | None
    after: scoring.Summary | None
    is_dimension: bool = False

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        if self.before.mean is None or self.after.mean is None:
            return None
        return round(self.after.mean - self.before.mean, 2)

    @property
    def direction(self) -> str:
        delta = self.delta
        if delta is None:
            return ""
        if delta >= NOTABLE_CHANGE:
            return "up"
        if delta <= -NOTABLE_CHANGE:
            return "down"
        return "stable"

    @property
    def band_changed(self) -> bool:
        return bool(self.before and self.after and self.before.band != self.after.band)


@dataclass
class Comparison:
    campaign: Campaign
    previous: Campaign | None
    current: Results
    earlier: Results | None
    candidates: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return bool(self.earlier and self.current.visible and self.earlier.visible)


def earlier_diagnostics(*, campaign: Campaign) -> list[Campaign]:
    """Diagnostic campaigns of the same table opened before this one, newest first."""
    return list(
        Campaign.objects.for_table(campaign.table_id)
        .filter(instrument=Instrument.DIAGNOSTIC, opens_at__lt=campaign.opens_at)
        .exclude(pk=campaign.pk)
        .order_by("-opens_at", "-id")[:50]
    )


def diagnostic_comparison(*, campaign: Campaign, previous_id: int | None = None) -> Comparison:
    """This diagnostic beside an earlier one (the latest by default).

    Each side keeps its own anonymity rule: a side below its threshold shows
    nothing, so a comparison is drawn only when both are visible.
    """
    candidates = earlier_diagnostics(campaign=campaign)
    previous = None
    if previous_id is not None:
        previous = next((c for c in candidates if c.pk == previous_id), None)
    elif candidates:
        previous = candidates[0]
    comparison = Comparison(
        campaign=campaign,
        previous=previous,
        current=campaign_results(campaign=campaign),
        earlier=campaign_results(campaign=previous) if previous else None,
        candidates=candidates,
    )
    if not comparison.visible:
        return comparison
    before = {d.code: d for d in comparison.earlier.dimensions}
    for dimension in comparison.current.dimensions:
        old = before.get(dimension.code)
        comparison.rows.append(
            ChangeRow(dimension.code, dimension.label, old, dimension, is_dimension=True)
        )
        old_items = {i.code: i for i in old.children} if old else {}
        comparison.rows.extend(
            ChangeRow(item.code, item.label, old_items.get(item.code), item)
            for item in dimension.children
        )
    return comparison


@dataclass
class SeriesRow:
    code: str
    label: str
    cells: list  # scoring.Summary or None (campaign below its threshold), oldest first


@dataclass
class DiagnosticSeries:
    campaigns: list  # oldest first, this campaign last
    respondents: list  # per campaign
    visible: list  # per campaign: results shown (threshold reached)
    rows: list = field(default_factory=list)


SERIES_LENGTH = 8


def diagnostic_series(*, campaign: Campaign) -> DiagnosticSeries:
    """Dimension means of this diagnostic and the earlier ones, year after year.

    Two queries whatever the number of respondents; a campaign below its
    anonymity threshold keeps its column, empty.
    """
    earlier = earlier_diagnostics(campaign=campaign)[: SERIES_LENGTH - 1]
    campaigns = [*reversed(earlier), campaign]
    answers: dict[int, list] = {c.pk: [] for c in campaigns}
    for campaign_id, data in Response.objects.filter(campaign_id__in=list(answers)).values_list(
        "campaign_id", "answers"
    ):
        answers[campaign_id].append(data or {})
    structure = _structure()
    series = DiagnosticSeries(
        campaigns=campaigns,
        respondents=[len(answers[c.pk]) for c in campaigns],
        visible=[is_visible(c, len(answers[c.pk])) for c in campaigns],
    )
    scored = [
        {d.code: d for d in scoring.score(answers[c.pk], structure, thresholds=thresholds(c))}
        if shown
        else {}
        for c, shown in zip(campaigns, series.visible, strict=True)
    ]
    for code, label, _items in structure:
        series.rows.append(SeriesRow(code, label, [by_code.get(code) for by_code in scored]))
    return series
