"""The partnership diagnostic: eight dimensions, four statements each.

Written for Tablée in its own words. Every statement is worded positively
and answered on a five-point agreement scale, plus "don't know".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    code: str
    text: str


@dataclass(frozen=True)
class Dimension:
    code: str
    title: str
    items: tuple[Item, ...]


SCALE = (
    (1, _("Strongly disagree")),
    (2, _("Rather disagree")),
    (3, _("Mixed")),
    (4, _("Rather agree")),
    (5, _("Strongly agree")),
)
DONT_KNOW = "dk"
DONT_KNOW_LABEL = _("Don't know / not applicable")


def _dim(code: str, title, *texts) -> Dimension:
    return Dimension(
        code, title, tuple(Item(f"{code}.{n}", text) for n, text in enumerate(texts, 1))
    )


DIAGNOSTIC: tuple[Dimension, ...] = (
    _dim(
        "D1",
        _("Shared purpose and vision"),
        _("I can explain in a few words why our table exists."),
        _("The partners pursue goals that fit together."),
        _("Our priorities come from a reading of the territory that we built together."),
        _("When we set a direction, each organization sees what it gains from it."),
    ),
    _dim(
        "D2",
        _("Coverage of perspectives and inclusion"),
        _("The sectors needed to act on our issues sit at the table."),
        _("People who live the situations we work on take part in our work."),
        _("A newcomer quickly finds their place among us."),
        _("We notice when a point of view is missing and go looking for it."),
    ),
    _dim(
        "D3",
        _("Participation in decisions"),
        _("Partners are involved early, before the important choices are made."),
        _("I know how and when decisions are taken."),
        _("My organization's opinion weighs on the choices of the table."),
        _("Decisions are recorded and everyone can find them."),
    ),
    _dim(
        "D4",
        _("Power relations and legitimacy"),
        _("Small organizations carry as much weight in discussion as large ones."),
        _("The funders' expectations do not dictate our choices."),
        _("The table is recognized as a legitimate voice on the territory."),
        _("Leadership is shared rather than held by one partner."),
    ),
    _dim(
        "D5",
        _("Governance, roles and rules"),
        _("Our operating rules are written down and known."),
        _("Each partner knows what is expected of them."),
        _("We revisit our rules when they no longer serve us."),
        _("Our work goes beyond what the funding agreement requires."),
    ),
    _dim(
        "D6",
        _("Communication and links"),
        _("Information circulates well between meetings."),
        _("Representatives report back to their own organizations."),
        _("I feel free to say what I think at the table."),
        _("Partners also talk to each other outside formal meetings."),
    ),
    _dim(
        "D7",
        _("Co-construction, disagreement and innovation"),
        _("Disagreements are put on the table and worked through."),
        _("Our actions are designed together rather than brought in ready-made."),
        _("We try new ways of doing things when the usual ones fall short."),
        _("We take time to learn from what worked and what did not."),
    ),
    _dim(
        "D8",
        _("Resources, commitment and continuity"),
        _("Representatives can commit their organization's resources."),
        _("The partners contribute time, skills or money to shared actions."),
        _("Our work holds up when representatives change."),
        _("The table has the coordination it needs to run well."),
    ),
)

ITEMS: dict[str, Item] = {item.code: item for dim in DIAGNOSTIC for item in dim.items}
DIMENSIONS: dict[str, Dimension] = {dim.code: dim for dim in DIAGNOSTIC}
