"""Forms of evaluation campaigns: HTML validation only."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.evaluation import instruments
from tablee.evaluation.models import (
    DEFAULT_DIVERGENCE_SD,
    DEFAULT_POLARISATION_PERCENT,
    DEFAULT_THRESHOLD,
    MIN_THRESHOLD,
    WHEEL_SCALE_MAX,
    Attribute,
    Instrument,
    InviteScope,
    Mode,
)

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


AXIS_SEPARATORS = ("—", "–", " - ", ":")


def parse_axes(text: str) -> list[tuple[str, str]]:
    """One axis per line: « name — definition » (also « - » or « : »)."""
    axes = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        for separator in AXIS_SEPARATORS:
            if separator in line:
                name, definition = line.split(separator, 1)
                break
        else:
            raise forms.ValidationError(
                _("Write each axis as « name — definition »: « %(line)s » has no definition."),
                params={"line": line[:80]},
            )
        axes.append((name.strip(), definition.strip()))
    return axes


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    instrument = forms.ChoiceField(
        label=_("Instrument"),
        choices=Instrument.choices,
        widget=forms.RadioSelect,
        initial=Instrument.DIAGNOSTIC,
    )
    axes = forms.CharField(
        label=_("Axes of the wheel (wheel only)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 9}),
        help_text=_(
            "4 to 9 lines, one axis per line: « name — one-sentence definition », agreed "
            "together before scoring. The axes cannot change once someone has answered."
        ),
    )
    same_axes_as = forms.TypedChoiceField(
        label=_("Or the same axes as a previous wheel"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Reusing the same axes makes comparisons over time valid."),
    )
    opens_at = forms.DateTimeField(label=_("Opens"), widget=_DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes"), widget=_DATETIME)
    mode = forms.ChoiceField(
        label=_("How it is answered"),
        choices=Mode.choices,
        widget=forms.RadioSelect,
        initial=Mode.INDIVIDUAL_COMPILED,
    )
    anonymity_threshold = forms.IntegerField(
        label=_("Anonymity threshold"),
        min_value=MIN_THRESHOLD,
        max_value=50,
        initial=DEFAULT_THRESHOLD,
        help_text=_("No result, and no group, is shown for fewer respondents than this."),
    )
    divergence_sd = forms.DecimalField(
        label=_("Spread that signals divergent perceptions"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal("2.0"),
        decimal_places=1,
        max_digits=2,
        initial=DEFAULT_DIVERGENCE_SD,
        help_text=_(
            "Standard deviation on the 1 to 5 scale, from 0.5 to 2.0. A lower value flags "
            "disagreement sooner."
        ),
    )
    polarisation_percent = forms.IntegerField(
        label=_("Share on each side that signals polarisation (%)"),
        required=False,
        min_value=10,
        max_value=50,
        initial=DEFAULT_POLARISATION_PERCENT,
        help_text=_(
            "An item is also divergent when at least this share agrees and as much disagrees."
        ),
    )
    attributes = forms.MultipleChoiceField(
        label=_("Respondent attributes captured"),
        choices=Attribute.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=list(Attribute.values),
    )
    invite_scope = forms.ChoiceField(
        label=_("Who is invited"),
        choices=InviteScope.choices,
        widget=forms.RadioSelect,
        initial=InviteScope.ALL_SEATS,
    )
    committee = forms.TypedChoiceField(
        label=_("Committee (if a committee is invited)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    people = forms.TypedMultipleChoiceField(
        label=_("People (if named people are invited)"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    sharing_decision = forms.TypedChoiceField(
        label=_("Decision to share the results outside the table"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Results stay private to the table unless a recorded decision shares them."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, committees=(), people=(), decisions=(), wheels=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["same_axes_as"].choices = [("", "—")] + [(c.pk, c.title) for c in wheels]
        self.fields["committee"].choices = [("", "—")] + [(c.pk, c.name) for c in committees]
        self.fields["people"].choices = [(p.pk, str(p)) for p in people]
        self.fields["sharing_decision"].choices = [("", _("Not shared"))] + [
            (d.pk, str(d)) for d in decisions
        ]

    def clean_divergence_sd(self):
        value = self.cleaned_data.get("divergence_sd")
        return DEFAULT_DIVERGENCE_SD if value is None else value

    def clean_polarisation_percent(self):
        value = self.cleaned_data.get("polarisation_percent")
        return DEFAULT_POLARISATION_PERCENT if value is None else value

    def clean_axes(self) -> list[tuple[str, str]]:
        return parse_axes(self.cleaned_data.get("axes", ""))


class ExternalInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name (optional)"), required=False, max_length=200)


def _answer_choices():
    return [(str(v), label) for v, label in instruments.SCALE] + [
        (instruments.DONT_KNOW, instruments.DONT_KNOW_LABEL)
    ]


class AnswerForm(forms.Form):
    """One radio group per statement; the template groups them by dimension."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for item in instruments.ITEMS.values():
            self.fields[item.code] = forms.ChoiceField(
                label=item.text,
                choices=_answer_choices(),
                widget=forms.RadioSelect,
                required=False,
            )

    def dimensions(self):
        return [(dim, [self[item.code] for item in dim.items]) for dim in instruments.DIAGNOSTIC]


class GroupAnswerMixin(forms.Form):
    people_present = forms.IntegerField(
        label=_("Number of people who took part"),
        min_value=1,
        max_value=500,
        help_text=_("Shown beside the results instead of a response rate."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class GroupAnswerForm(GroupAnswerMixin, AnswerForm):
    """The answer a group agreed on together, one statement at a time."""


class DiscussionForm(forms.Form):
    def __init__(self, *args, codes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code in codes:
            self.fields[code] = forms.CharField(
                label=_("What the table decided"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )


class WheelAnswerForm(forms.Form):
    """Per axis: a score 0–10 (required), why (optional), desired score (optional)."""

    def __init__(self, *args, axes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.axes = list(axes)
        scale = [(str(v), str(v)) for v in range(WHEEL_SCALE_MAX + 1)]
        for axis in self.axes:
            self.fields[f"{axis.key}-score"] = forms.ChoiceField(
                label=_("Score now (0 to 10)"), choices=scale, widget=forms.RadioSelect
            )
            self.fields[f"{axis.key}-why"] = forms.CharField(
                label=_("Why (optional)"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"{axis.key}-desired"] = forms.IntegerField(
                label=_("Score you would wish for (optional, 0 to 10)"),
                required=False,
                min_value=0,
                max_value=WHEEL_SCALE_MAX,
            )

    def rows(self):
        return [
            (axis, self[f"{axis.key}-score"], self[f"{axis.key}-why"], self[f"{axis.key}-desired"])
            for axis in self.axes
        ]


class GroupWheelAnswerForm(GroupAnswerMixin, WheelAnswerForm):
    """The scores a group agreed on together, one axis at a time."""
