"""Demo minutes of « Table de quartier Démo »; idempotent.

Runs after the meetings and decisions demos and uses what they created: the
minutes of each held meeting are drafted from its agenda, notes, attendance,
decisions and actions, then adopted by a decision of the following meeting
when there is one; the last held meeting's minutes stay a circulated draft
with a member's comment; one adopted minutes carries an erratum.
"""

from __future__ import annotations

from tablee.minutes import selectors, services
from tablee.minutes.models import Minutes
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"
MEMBER_EMAIL = "membre@example.org"


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Minutes.objects.for_table(table).exists():
        return
    from tablee.actions import demo as actions_demo
    from tablee.decisions.models import Decision, Outcome
    from tablee.meetings.models import Meeting

    # Actions first, so the drafts list the actions decided at each meeting.
    actions_demo.load(people=people)
    meetings = list(
        Meeting.objects.for_table(table)
        .filter(status="held", starts_at__isnull=False)
        .select_related("table", "committee")
        .order_by("starts_at")
    )
    if not meetings:
        return
    adopted = []
    for position, meeting in enumerate(meetings):
        minutes = services.minutes_generate_draft(meeting=meeting, actor=coordinator)
        decision = None
        if position + 1 < len(meetings):
            # Adopted at the following meeting (or the next one that took a decision).
            decision = (
                Decision.objects.for_table(table)
                .filter(
                    meeting__in=meetings[position + 1 :],
                    outcome=Outcome.ADOPTED,
                )
                .order_by("meeting__starts_at", "number")
                .first()
            )
        if decision is None:
            # The latest minutes await their adoption at the next meeting.
            services.minutes_circulate(minutes=minutes, actor=coordinator)
            member = people.get(MEMBER_EMAIL)
            if member is not None and selectors.table_people(table=table).filter(pk=member.pk):
                services.minutes_comment_add(
                    minutes=minutes,
                    actor=member,
                    body="Il faudrait préciser le nom de l'organisme qui accueillera le forum.",
                )
            continue
        services.minutes_circulate(minutes=minutes, actor=coordinator)
        adopted.append(
            services.minutes_adopt(minutes=minutes, actor=coordinator, decision=decision)
        )
    if len(adopted) >= 2:
        target = adopted[-2]
        services.erratum_record(
            minutes=target,
            actor=coordinator,
            text=(
                "À la section des présences, lire « Maison des familles » "
                "et non « Maison de la famille »."
            ),
            decision=target.adopted_by_decision,
        )
