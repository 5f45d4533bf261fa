"""Forms of the action plan. Choices are lists read once, so rendering costs no query."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tablee.plans.models import ActionOrigin, ActionStatus, PartnerRole
from tablee.plans.selectors import HEALTH_CHOICES

PARTNER_ROWS_EXTRA = 3


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ObjectiveForm(forms.Form):
    title = forms.CharField(label=_("Objective"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AxisForm(forms.Form):
    title = forms.CharField(label=_("Strategy or axis"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class PlanActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    objective = forms.TypedChoiceField(label=_("Objective"), coerce=int)
    axis = forms.TypedChoiceField(
        label=_("Strategy or axis"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("It must belong to the chosen objective."),
    )
    accountable_organization = forms.TypedChoiceField(
        label=_("Accountable organization"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("An organization holding a seat at the table."),
    )
    accountable_person = forms.TypedChoiceField(
        label=_("Accountable person"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("They can report progress themselves, also from a link in their reminders."),
    )
    starts_on = forms.DateField(
        label=pgettext_lazy("plan date", "Start"), required=False, widget=_date_widget()
    )
    ends_on = forms.DateField(
        label=pgettext_lazy("plan date", "End"), required=False, widget=_date_widget()
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    origin = forms.ChoiceField(
        label=_("Origin"), choices=ActionOrigin.choices, widget=forms.RadioSelect
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, objectives, axes, organizations, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [("", _("Choose an objective"))] + [
            (o.pk, o.title) for o in objectives
        ]
        groups: dict[str, list] = {}
        for axis in axes:
            groups.setdefault(axis.objective.title, []).append((axis.pk, axis.title))
        self.fields["axis"].choices = [("", _("No strategy")), *list(groups.items())]
        self.fields["accountable_organization"].choices = [("", _("None yet"))] + [
            (o.pk, str(o)) for o in organizations
        ]
        self.fields["accountable_person"].choices = [("", _("Nobody yet"))] + [
            (p.pk, p.display_name) for p in people
        ]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end comes before the start. Check the dates."))
        return data


class PartnerForm(forms.Form):
    organization = forms.TypedChoiceField(
        label=_("Partner organization"), coerce=int, required=False, empty_value=None
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=PartnerRole.choices, initial=PartnerRole.CONTRIBUTES
    )
    role_detail = forms.CharField(label=_("In a few words"), max_length=200, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [("", _("No partner on this row"))] + [
            (o.pk, str(o)) for o in organizations
        ]


PartnerFormSet = forms.formset_factory(PartnerForm, extra=PARTNER_ROWS_EXTRA, max_num=40)


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label=_("Date"), widget=_date_widget())
    status = forms.ChoiceField(
        label=_("Where the action stands"),
        choices=ActionStatus.choices,
        help_text=_("The action takes this status."),
    )
    note = forms.CharField(
        label=_("Short note"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done, what is next, what blocks (1,000 characters at most)."),
    )
    evidence = forms.FileField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=_("PDF, office document or image."),
    )


class AttachForm(forms.Form):
    item = forms.TypedChoiceField(label=_("Open meeting action"), coerce=int)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for item in items:
            label = item.title
            if item.due_date:
                label += f" ({item.due_date.isoformat()})"
            if item.meeting_id:
                label += f" — {item.meeting.title}"
            choices.append((item.pk, label))
        self.fields["item"].choices = choices


class DashboardFilterForm(forms.Form):
    health = forms.ChoiceField(
        label=_("Where it stands"), required=False, choices=[("", _("All")), *HEALTH_CHOICES]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *list(ActionStatus.choices)]
    )
    organization = forms.TypedChoiceField(
        label=_("Organization (accountable or partner)"),
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [("", _("All organizations"))] + [
            (o.pk, str(o)) for o in organizations
        ]

    def values(self) -> dict:
        if not self.is_valid():
            return {"health": "", "status": "", "organization": None}
        return {
            "health": self.cleaned_data.get("health") or "",
            "status": self.cleaned_data.get("status") or "",
            "organization": self.cleaned_data.get("organization"),
        }
