from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.funding.models import ResourceKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _decimal(label, *, required=False, help_text=""):
    # Bounds and signs are checked by the services, which name the problem.
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )


class ActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.objective.title} — {obj.title}"


class ProcessActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.process.title} — {obj.title}"


class ResourceForm(forms.Form):
    action = ActionChoiceField(label=_("Action"), queryset=None, empty_label=_("Choose…"))
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=None, empty_label=_("Choose…")
    )
    kind = forms.ChoiceField(label=_("Kind of resource"), choices=ResourceKind.choices)
    quantity = _decimal(
        _("Quantity"), help_text=_("Hours for staff time; a number of items for material.")
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=40,
        required=False,
        help_text=_("For example: h, boxes, room-days."),
    )
    amount = _decimal(
        _("Value ($)"),
        help_text=_("Required for money; optional estimated value of time, material or help."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actions, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
        self.fields["organization"].queryset = organizations


class FunderForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organization = forms.ModelChoiceField(
        label=_("Organization in the registry"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_("Optional: link the funder to its organization in the shared registry."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ProgramForm(forms.Form):
    name = forms.CharField(label=_("Program or grant"), max_length=200)
    amount = _decimal(_("Amount granted ($)"), required=True)
    starts_on = forms.DateField(label=_("Start of the period"), widget=DATE)
    ends_on = forms.DateField(label=_("End of the period"), widget=DATE)
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the funder requires: eligible costs, reporting, visibility…"),
    )
    process = forms.ModelChoiceField(
        label=_("Collective process"),
        queryset=None,
        required=False,
        empty_label=_("Any process of the table"),
        help_text=_("When set, only actions of this process can be funded by the program."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = processes


class ReportingForm(forms.Form):
    due_on = forms.DateField(label=_("Due date"), widget=DATE)
    what = forms.CharField(
        label=_("What is due"),
        max_length=300,
        help_text=_("For example: mid-term activity report and financial statement."),
    )
    is_done = forms.BooleanField(label=_("Sent"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_done"]


class BudgetLineForm(forms.Form):
    action = ProcessActionChoiceField(
        label=_("Action funded"), queryset=None, empty_label=_("Choose…")
    )
    amount = _decimal(_("Amount ($)"), required=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions


ZERO = Decimal("0")
