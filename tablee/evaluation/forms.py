"""Forms of evaluation campaigns: HTML validation only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.evaluation import instruments
from tablee.evaluation.models import DEFAULT_THRESHOLD, MIN_THRESHOLD, Attribute, InviteScope, Mode

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
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

    def __init__(self, *args, committees=(), people=(), decisions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].choices = [("", "—")] + [(c.pk, c.name) for c in committees]
        self.fields["people"].choices = [(p.pk, str(p)) for p in people]
        self.fields["sharing_decision"].choices = [("", _("Not shared"))] + [
            (d.pk, str(d)) for d in decisions
        ]


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
