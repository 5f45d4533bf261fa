from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.actions.models import ActionStatus, DigestFrequency


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.display_name


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What has to be done"), max_length=300)
    description = forms.CharField(
        label=_("Details"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    accountable_person = PersonChoiceField(
        label=_("Accountable person"), queryset=None, required=False, empty_label=_("Nobody yet")
    )
    accountable_organization = forms.ModelChoiceField(
        label=_("Accountable organization"),
        queryset=None,
        required=False,
        empty_label=_("None"),
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("A reminder is e-mailed to the accountable person a few days before."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accountable_person"].queryset = people
        self.fields["accountable_organization"].queryset = organizations


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Not finished")), *list(ActionStatus.choices)],
    )
    person = forms.TypedChoiceField(
        label=_("Person"), required=False, coerce=int, empty_value=None
    )
    organization = forms.TypedChoiceField(
        label=_("Organization"), required=False, coerce=int, empty_value=None
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, people, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (p.pk, p.display_name) for p in people
        ]
        self.fields["organization"].choices = [("", _("All organizations"))] + [
            (o.pk, str(o)) for o in organizations
        ]


class NotificationForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often do you want e-mails about your tables?"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Reminders about your own actions coming due are sent right away "
            "unless you choose “never”."
        ),
    )
