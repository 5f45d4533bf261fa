"""The questions of the charter, in the project's own words.

The reflection runs in four families (why, how, what, who), then three
shared dimensions that coordinators keep alive over time. A question's
`key` is stored in `CharterVersion.answers`: never rename a key once a
charter uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    key: str
    title: Promise
    help: Promise


@dataclass(frozen=True)
class Family:
    key: str
    title: Promise
    intro: Promise
    questions: tuple[Question, ...]


FAMILIES: tuple[Family, ...] = (
    Family(
        key="why",
        title=_("Why sit together"),
        intro=_("What the table adds, and what each partner is asked to bring."),
        questions=(
            Question(
                key="why_added_value",
                title=_("What do we gain by working at the same table?"),
                help=_(
                    "Name what no partner could achieve alone, and what it changes "
                    "for the people the table serves."
                ),
            ),
            Question(
                key="why_contributions",
                title=_("What do we hope each partner will bring?"),
                help=_(
                    "For example: first-hand knowledge of the situation, know-how on the "
                    "issue, staff, premises or money, the power to decide or to sway a "
                    "decision, time to prepare and attend, practical skills."
                ),
            ),
            Question(
                key="why_invitation",
                title=_("Why are we inviting these partners in particular?"),
                help=_("Say, for each kind of partner, the reason their voice is needed."),
            ),
        ),
    ),
    Family(
        key="how",
        title=_("How we work"),
        intro=_("The roles of the table, the roles of its members and the say each one has."),
        questions=(
            Question(
                key="how_table_roles",
                title=_("What will the table do as a group?"),
                help=_(
                    "Linking people and news, keeping members' actions in step, running "
                    "shared projects, growing skills, speaking to decision makers. Tick "
                    "them in the structured choices; explain here how they play out."
                ),
            ),
            Question(
                key="how_member_roles",
                title=_("What do we expect from each member?"),
                help=_(
                    "Keeping the table informed, passing news back home, speaking for a "
                    "sector or an organization, helping everyone read an issue, or "
                    "something else."
                ),
            ),
            Question(
                key="how_powers",
                title=_("What say will partners have, and how will it show?"),
                help=_(
                    "Contributing ideas, building proposals together, deciding, judging "
                    "the results: say who does which, and how it works in practice."
                ),
            ),
        ),
    ),
    Family(
        key="what",
        title=_("What we do"),
        intro=_("The work itself: what to share first, what to do, and who answers for it."),
        questions=(
            Question(
                key="what_prior_information",
                title=_("What should partners know before they commit?"),
                help=_(
                    "Documents, figures, commitments already made, funders' conditions: "
                    "anything a newcomer needs to take part fully."
                ),
            ),
            Question(
                key="what_together",
                title=_("What will we do together?"),
                help=_("Describe the shared work in a few plain sentences."),
            ),
            Question(
                key="what_accountability",
                title=_("Who answers for carrying out each action?"),
                help=_(
                    "List the pairs in the structured choices; explain here how "
                    "follow-up and reporting will work."
                ),
            ),
            Question(
                key="what_split",
                title=_("How is the work shared among organizations?"),
                help=_("Will each organization have a part to play? Which one?"),
            ),
            Question(
                key="what_fixed",
                title=_("What is already settled, and what remains open?"),
                help=_(
                    "Some things come from a plan or a funder and cannot move; others "
                    "will be built together. List both in the structured choices."
                ),
            ),
        ),
    ),
    Family(
        key="who",
        title=_("Who takes part"),
        intro=_("The actors the change needs, and the ones still missing."),
        questions=(
            Question(
                key="who_needed",
                title=_("Which actors does the change need?"),
                help=_("Think beyond the usual partners: who must be there for it to happen?"),
            ),
            Question(
                key="who_knowledge",
                title=_("Which partners hold the knowledge and means we lack?"),
                help=_("Name the know-how, data or resources, and who holds them."),
            ),
            Question(
                key="who_actor_types",
                title=_("What kinds of actors should we bring in?"),
                help=_(
                    "Strategic actors hold levers and means; tactical actors work on the "
                    "ground; lived-experience experts know the situation from the inside."
                ),
            ),
            Question(
                key="who_levers",
                title=_("Who already acts, or could act, on what we want to change?"),
                help=_("Include those who are not at the table yet."),
            ),
        ),
    ),
    Family(
        key="dimensions",
        title=_("Shared ground"),
        intro=_(
            "Three things the coordination keeps alive: a shared understanding, a shared "
            "will to act and a shared picture of the future."
        ),
        questions=(
            Question(
                key="dim_understanding",
                title=_("How will we build a shared understanding?"),
                help=_(
                    "The same reading of the situation, the issues, the goals and the "
                    "methods, and words that mean the same thing to everyone."
                ),
            ),
            Question(
                key="dim_intention",
                title=_("What makes us want to act together?"),
                help=_("Name the motivation the partners share, and how to keep it alive."),
            ),
            Question(
                key="dim_vision",
                title=_("What future are we working toward?"),
                help=_("Describe the territory as the partners hope to see it."),
            ),
        ),
    ),
)

FAMILY_KEYS: tuple[str, ...] = tuple(family.key for family in FAMILIES)
QUESTIONS: dict[str, Question] = {q.key: q for family in FAMILIES for q in family.questions}
FAMILY_OF: dict[str, str] = {q.key: family.key for family in FAMILIES for q in family.questions}
# The steps of the drafting wizard: the families, then the structured choices, then a review.
STEPS: tuple[str, ...] = (*FAMILY_KEYS, "choices", "review")


def family_get(key: str) -> Family | None:
    return next((family for family in FAMILIES if family.key == key), None)


def step_neighbours(step: str) -> tuple[str | None, str | None]:
    """Return the steps before and after `step` in the wizard."""
    index = STEPS.index(step)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


STEP_TITLES = {
    "choices": _("Structured choices"),
    "review": _("Review"),
}


def step_title(step: str):
    family = family_get(step)
    return family.title if family else STEP_TITLES[step]
