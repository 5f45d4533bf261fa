from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.results.models import IndicatorKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _number_field(label, help_text=""):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=16,
        decimal_places=4,
        localize=True,
        help_text=help_text,
    )


class IndicatorFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Question"),
        required=False,
        choices=[("", _("All three questions")), *IndicatorKind.choices],
    )

    def values(self) -> dict:
        if not self.is_valid():
            return {"kind": ""}
        return self.cleaned_data


class IndicatorForm(forms.Form):
    """An indicator as entered by a coordinator; the service checks the rules."""

    action = forms.TypedChoiceField(label=_("Plan action"), coerce=int)
    name = forms.CharField(
        label=_("Indicator"),
        max_length=300,
        help_text=_("What is counted or observed, e.g. “Households served by the market”."),
    )
    kind = forms.ChoiceField(
        label=_("Question it answers"), choices=IndicatorKind.choices, widget=forms.RadioSelect
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=40,
        required=False,
        help_text=_(
            "E.g. households, meals, people. Write % for a percentage: "
            "its values must then be between 0 and 100."
        ),
    )
    baseline_value = _number_field(_("Baseline value"), _("Where things stood at the start."))
    baseline_on = forms.DateField(label=_("Baseline date"), required=False, widget=DATE_WIDGET)
    target_value = _number_field(_("Target value"))
    target_on = forms.DateField(label=_("Target date"), required=False, widget=DATE_WIDGET)
    source = forms.CharField(
        label=_("Source of the data"),
        max_length=300,
        required=False,
        help_text=_("Who measures it and how, e.g. “attendance sheets of the market”."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (a.pk, f"{a.objective.title} — {a.title}") for a in actions
        ]


class MeasureForm(forms.Form):
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE_WIDGET)
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=4, localize=True)
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("Where this value comes from (a report, a count, a survey)."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
