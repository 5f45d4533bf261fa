"""The twelve winning conditions of a concertation, and a four-level rubric for each.

Written in the project's own words (paraphrasing the guides); each level is one
concrete line a table can recognise itself in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LEVELS = (1, 2, 3, 4)

LEVEL_NAMES = {
    1: _("Not yet"),
    2: _("Getting started"),
    3: _("In place"),
    4: _("Second nature"),
}


@dataclass(frozen=True)
class Condition:
    code: str
    number: int
    title: Promise
    levels: tuple[Promise, Promise, Promise, Promise]

    def level_text(self, level: int | None):
        return self.levels[level - 1] if level in LEVELS else ""


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        "purpose",
        1,
        _("Agree together on why the table exists"),
        (
            _("Each member would describe the table's purpose differently."),
            _("A purpose is written down, but few members refer to it."),
            _("The purpose names the needs of the people served and guides the agenda."),
            _("The purpose is revisited together each year and settles disagreements."),
        ),
    ),
    Condition(
        "legitimacy",
        2,
        _("Earn legitimacy and credibility"),
        (
            _("Outside partners barely know the table or doubt its usefulness."),
            _("The table is known, but mostly through one or two of its members."),
            _("Decision makers consult the table on issues within its purpose."),
            _("The table's word carries weight because its record is visible."),
        ),
    ),
    Condition(
        "rules",
        3,
        _("Set the operating rules together"),
        (
            _("There are no written rules; habits decide."),
            _("Rules exist but were drafted by a few and are rarely consulted."),
            _("The charter was adopted together and newcomers receive it."),
            _("The rules are reviewed on schedule and amended by decision."),
        ),
    ),
    Condition(
        "beyond_agreement",
        4,
        _("Go beyond carrying out a funder's agreement"),
        (
            _("The table exists only to deliver what a funding agreement requires."),
            _("Some topics outside the agreement come up, without follow-up."),
            _("The table sets some objectives of its own, beyond the agreement."),
            _("The agreement is one tool among others serving the table's own plan."),
        ),
    ),
    Condition(
        "innovation",
        5,
        _("Make room for innovation"),
        (
            _("New ideas are turned down as too risky."),
            _("New ideas are discussed but rarely tried."),
            _("The table runs small trials and learns from what fails."),
            _("Trying, measuring and adjusting is how the table usually works."),
        ),
    ),
    Condition(
        "strengths",
        6,
        _("Build on the members' strengths and expertise"),
        (
            _("Members' skills and resources are not known to the others."),
            _("Some strengths are known and used informally."),
            _("An inventory of strengths guides who does what."),
            _("Tasks go to the member best placed, and resources are pooled."),
        ),
    ),
    Condition(
        "involvement",
        7,
        _("Involve the people and groups concerned"),
        (
            _("The people concerned are talked about, never present."),
            _("They are consulted once in a while, for example by survey."),
            _("They hold seats and speak in meetings, with support to take part."),
            _("They help decide and evaluate, on the same footing as organizations."),
        ),
    ),
    Condition(
        "attitudes",
        8,
        _("Model the attitudes expected from partners"),
        (
            _("Members expect openness from others without showing it themselves."),
            _("Some members set an example; others hold back."),
            _("Listening, transparency and keeping one's word are the norm in meetings."),
            _("Members name and repair lapses in trust together."),
        ),
    ),
    Condition(
        "communication",
        9,
        _("Keep internal communication and representation strong"),
        (
            _("Information stays with whoever attended the meeting."),
            _("Minutes circulate, but organizations rarely relay them inside."),
            _("Each representative reports back to their organization and brings its views."),
            _("Representatives hold a clear mandate and the flow goes both ways, on time."),
        ),
    ),
    Condition(
        "turnover",
        10,
        _("Handle turnover and controversies"),
        (
            _("Each departure sets the table back and conflicts are avoided."),
            _("Newcomers are welcomed informally; conflicts are handled case by case."),
            _("An onboarding kit exists and disagreements have a place on the agenda."),
            _(
                "Continuity is planned (alternates, handovers) and controversies are worked through."  # noqa: E501
            ),
        ),
    ),
    Condition(
        "evaluation",
        11,
        _("Evaluate the concertation together"),
        (
            _("The table has never looked at how it works."),
            _("An evaluation happened once, by one person or for a funder."),
            _("Members evaluate the table together on a regular schedule."),
            _("Evaluation results lead to decisions, followed from year to year."),
        ),
    ),
    Condition(
        "practice",
        12,
        _("Use tools and grow a community of practice"),
        (
            _("Each coordinator works alone, without shared tools."),
            _("A few tools or guides are used, unevenly."),
            _("The table uses shared tools and exchanges with other tables."),
            _("The table contributes its own tools and lessons to a community of practice."),
        ),
    ),
)

BY_CODE = {condition.code: condition for condition in CONDITIONS}
CODE_CHOICES = [(c.code, c.title) for c in CONDITIONS]


def condition_get(code: str) -> Condition | None:
    return BY_CODE.get(code)
