from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tablee.members.models import (
    ActorType,
    CommitteeKind,
    CommitteeRole,
    Contribution,
    ExpectedRole,
    Position,
    Power,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SeatForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,
        required=False,
        empty_label=_("— No organization (citizen or lived-experience seat) —"),
        help_text=_("Organizations come from the shared registry."),
    )
    label = forms.CharField(
        label=_("Seat name"),
        max_length=200,
        required=False,
        help_text=_("Required for a seat without organization, e.g. “Citizen seat 1”."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector represented"),
        queryset=None,
        required=False,
        empty_label=_("— The organization's sector —"),
    )
    actor_type = forms.ChoiceField(label=_("Type of actor"), choices=ActorType.choices)
    expected_roles = forms.MultipleChoiceField(
        label=_("Roles expected"),
        choices=ExpectedRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    powers = forms.MultipleChoiceField(
        label=_("Powers held"),
        choices=Power.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contributions = forms.MultipleChoiceField(
        label=_("Contributions offered"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contribution_note = forms.CharField(
        label=_("Contributions, in detail"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    mandate_start = forms.DateField(label=_("Mandate start"), required=False, widget=DATE)
    mandate_end = forms.DateField(label=_("Mandate end"), required=False, widget=DATE)

    def __init__(self, *args, organizations, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["sector"].queryset = sectors


class SeatCreateForm(SeatForm):
    representative_email = forms.EmailField(
        label=_("Representative's e-mail (optional)"),
        required=False,
        help_text=_("Someone without an account receives an invitation to join the table."),
    )
    representative_name = forms.CharField(
        label=_("Representative's full name"), max_length=150, required=False
    )
    alternate_email = forms.EmailField(label=_("Alternate's e-mail (optional)"), required=False)
    alternate_name = forms.CharField(
        label=_("Alternate's full name"), max_length=150, required=False
    )


class SeatEditForm(SeatForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class HolderForm(forms.Form):
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Someone without an account receives an invitation to join the table."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    on_date = forms.DateField(
        label=_("From"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )


class EndHolderForm(forms.Form):
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices)
    on_date = forms.DateField(
        label=_("Last day"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )


class SeatFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Seats"),
        required=False,
        choices=[("open", _("Open")), ("closed", _("Closed")), ("all", _("All"))],
    )


class CommitteeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CommitteeKind.choices)
    mandate = forms.CharField(
        label=_("Mandate"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    end_date = forms.DateField(label=_("Ends on"), required=False, widget=DATE)
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class CommitteeMemberForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=CommitteeRole.choices)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or organization"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    actor_type = forms.ChoiceField(label=_("Type of actor"), required=False)
    committee = forms.TypedChoiceField(
        label=_("Committee"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, sectors, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors"))] + [
            (sector.code, sector.name) for sector in sectors
        ]
        self.fields["actor_type"].choices = [("", _("All types")), *ActorType.choices]
        self.fields["committee"].choices = [("", _("All committees"))] + [
            (committee.pk, committee.name) for committee in committees
        ]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: organisation, secteur, prénom, nom, courriel, rôle, type d'acteur. "
            "Download the template below."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.TABLEE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        name = upload.name.lower()
        if not (name.endswith(".csv") or name.endswith(".xlsx") or name.endswith(".txt")):
            raise forms.ValidationError(_("Send a .csv or .xlsx file."))
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
