"""Write the first draft of a meeting's minutes as plain text.

The text is written in the table's language whatever the coordinator's, since
the minutes are the table's own document. Conventions (also read by the PDF
and DOCX exports): a heading is a line underlined with "=" (section) or "-"
(agenda item); a list item starts with "- "; paragraphs are separated by a
blank line.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tablee.minutes.selectors import DraftSources


def _heading(text: str, char: str = "=") -> list[str]:
    return [text, char * max(3, len(text)), ""]


def _person(user) -> str:
    return user.display_name if user is not None else ""


def _attendance_lines(sources: DraftSources) -> list[str]:
    from tablee.meetings.models import Reply

    present, regrets, absent = [], [], []
    for row in sources.attendances:
        who = _person(row.attended_by or row.person)
        if row.seat_id:
            label = str(row.seat)
            if who and row.present:
                label = f"{label} ({who})"
            elif row.person_id and not row.present:
                label = f"{label} ({_person(row.person)})"
        else:
            label = who
        if row.present:
            present.append(label)
        elif row.reply == Reply.ABSENT:
            regrets.append(label)
        elif row.present is False or row.reply:
            absent.append(label)
    lines = _heading(_("Attendance"))
    if not sources.attendances:
        lines += [_("Attendance was not recorded."), ""]
        return lines
    for title, names in (
        (_("Present"), present),
        (_("Sent regrets"), regrets),
        (_("Absent"), absent),
    ):
        lines.append(_("%(title)s (%(count)s):") % {"title": title, "count": len(names)})
        lines += [f"- {name}" for name in names] or ["- " + _("nobody")]
        lines.append("")
    return lines


def _decision_line(decision) -> str:
    text = _("Decision #%(number)s: %(wording)s (%(modality)s; %(outcome)s)") % {
        "number": decision.number,
        "wording": " ".join(decision.wording.split()),
        "modality": decision.modality_label,
        "outcome": decision.outcome_label,
    }
    return f"- {text}"


def _action_line(action) -> str:
    who = _person(action.accountable_person) or (
        str(action.accountable_organization) if action.accountable_organization_id else ""
    )
    parts = [action.title]
    if who:
        parts.append(_("accountable: %(who)s") % {"who": who})
    if action.due_date:
        parts.append(_("due %(date)s") % {"date": action.due_date.isoformat()})
    return "- " + " — ".join(parts)


def generate_text(*, sources: DraftSources) -> str:
    """Return the draft text of `sources.meeting`'s minutes."""
    meeting = sources.meeting
    with translation.override(meeting.table.language):
        lines = _heading(_("Minutes — %(title)s") % {"title": meeting.title})
        lines.append(meeting.table.name)
        if meeting.committee_id:
            lines.append(str(meeting.committee))
        if meeting.starts_at:
            lines.append(
                _("Held on %(when)s")
                % {"when": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M")}
            )
        where = [part for part in (meeting.location, meeting.online_url) if part]
        if where:
            lines.append(_("Place: %(where)s") % {"where": " / ".join(where)})
        lines.append("")
        lines += _attendance_lines(sources)

        by_item_decisions: dict[int, list] = {}
        by_item_actions: dict[int, list] = {}
        for decision in sources.decisions:
            by_item_decisions.setdefault(decision.agenda_item_id or 0, []).append(decision)
        for action in sources.actions:
            by_item_actions.setdefault(action.agenda_item_id or 0, []).append(action)

        lines += _heading(_("Agenda items"))
        if not sources.items:
            lines += [_("The agenda had no items."), ""]
        for position, item in enumerate(sources.items, start=1):
            lines += _heading(f"{position}. {item.title} ({item.kind_label})", "-")
            presenter = _person(item.presenter) or item.presenter_name
            if presenter:
                lines += [_("Presented by %(name)s.") % {"name": presenter}, ""]
            if item.notes.strip():
                lines += [item.notes.strip(), ""]
            else:
                lines += [_("(Write what was said.)"), ""]
            if by_item_decisions.get(item.pk):
                lines.append(_("Decisions:"))
                lines += [_decision_line(d) for d in by_item_decisions[item.pk]]
                lines.append("")
            if by_item_actions.get(item.pk):
                lines.append(_("Follow-up actions:"))
                lines += [_action_line(a) for a in by_item_actions[item.pk]]
                lines.append("")

        known_items = {item.pk for item in sources.items}
        loose_decisions = [
            d for d in sources.decisions if (d.agenda_item_id or 0) not in known_items
        ]
        loose_actions = [a for a in sources.actions if (a.agenda_item_id or 0) not in known_items]
        if loose_decisions:
            lines += _heading(_("Other decisions"))
            lines += [_decision_line(d) for d in loose_decisions] + [""]
        if loose_actions:
            lines += _heading(_("Other follow-up actions"))
            lines += [_action_line(a) for a in loose_actions] + [""]
    return "\n".join(lines).rstrip() + "\n"
