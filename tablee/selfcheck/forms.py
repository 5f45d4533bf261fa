"""HTML input of the self-check pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.selfcheck.conditions import LEVEL_NAMES


def _decision_label(decision) -> str:
    return f"#{decision.number} {decision.wording[:80]}"


class StartForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date of the self-check"), widget=forms.DateInput(attrs={"type": "date"})
    )


class CardForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", _("Not assessed yet"))]
        + [(k, f"{k} — {v}") for k, v in LEVEL_NAMES.items()],
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    charter_versions = forms.TypedMultipleChoiceField(
        label=_("Charter versions"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    decisions = forms.TypedMultipleChoiceField(label=_("Decisions"), required=False, coerce=int)
    minutes = forms.TypedMultipleChoiceField(label=_("Minutes"), required=False, coerce=int)
    frameworks = forms.TypedMultipleChoiceField(
        label=_("Agreements and frameworks"), required=False, coerce=int
    )
    onboarding = forms.BooleanField(label=_("Welcome page for members"), required=False)
    next_step = forms.CharField(label=_("Next step"), required=False, max_length=300)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, choices, **kwargs):
        """`choices` maps each evidence kind to a list of objects, read once per page."""
        super().__init__(*args, **kwargs)
        labels = {
            "charter_versions": lambda v: _("Version %(n)s") % {"n": v.number},
            "decisions": _decision_label,
            "minutes": lambda m: str(m.meeting),
            "frameworks": str,
        }
        for name, objects in choices.items():
            self.fields[name].choices = [(obj.pk, labels[name](obj)) for obj in objects]


class PlanStepForm(forms.Form):
    """Choices are built once per page from a list (no query per card)."""

    objective = forms.TypedChoiceField(label=_("Objective of the plan"), coerce=int)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [("", "---------")] + [
            (o.pk, f"{o.process.title} — {o.title}") for o in objectives
        ]
