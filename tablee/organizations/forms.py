from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tablee.organizations import selectors
from tablee.organizations.models import OrganizationKind, RelationLevel


class SectorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    sector = SectorChoiceField(
        label=_("Sector"), queryset=selectors.sector_choices(), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganizationKind.choices)
    territory = forms.CharField(label=_("Territory served"), max_length=200, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_email = forms.EmailField(label=_("General e-mail"), required=False)
    contact_phone = forms.CharField(label=_("General phone"), max_length=40, required=False)

    def __init__(self, *args, current_sector=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Retired sectors are not offered, except the one already chosen.
        self.fields["sector"].queryset = selectors.sector_choices(current=current_sector)


class OrganizationCreateForm(OrganizationForm):
    confirm_similar = forms.BooleanField(
        label=_("I checked: it is a different organization, add it anyway"), required=False
    )
    field_order = [*OrganizationForm.base_fields, "confirm_similar"]

    def __init__(self, *args, show_confirm: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not show_confirm:
            self.fields["confirm_similar"].widget = forms.HiddenInput()


class OrganizationEditForm(OrganizationForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or acronym"), required=False, max_length=100)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=selectors.sector_list(),
        required=False,
        empty_label=_("All sectors"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *OrganizationKind.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].label_from_instance = lambda sector: sector.name


class SectorForm(forms.Form):
    name_fr = forms.CharField(label=_("Name in French"), max_length=100)
    name_en = forms.CharField(label=_("Name in English"), max_length=100)


class SectorEditForm(SectorForm):
    # The names as read, to refuse overwriting a rename made meanwhile.
    seen_name_fr = forms.CharField(widget=forms.HiddenInput, required=False)
    seen_name_en = forms.CharField(widget=forms.HiddenInput, required=False)


class RelationForm(forms.Form):
    first = OrganizationChoiceField(
        label=_("First organization"), queryset=selectors.relation_organization_choices()
    )
    second = OrganizationChoiceField(
        label=_("Second organization"), queryset=selectors.relation_organization_choices()
    )
    level = forms.ChoiceField(
        label=_("Level of relation"),
        choices=RelationLevel.choices,
        help_text=_(
            "Collaboration: occasional help. Concertation: regular exchange and common "
            "objectives. Partnership: joint work formalised by an agreement."
        ),
    )
    started_on = forms.DateField(
        label=_("At this level since"), widget=forms.DateInput(attrs={"type": "date"})
    )
    agreement_title = forms.CharField(
        label=_("Agreement title"),
        max_length=200,
        required=False,
        help_text=_("Required for a partnership."),
    )
    agreement_start = forms.DateField(
        label=_("Agreement start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    agreement_end = forms.DateField(
        label=_("Agreement end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    agreement_document = forms.FileField(
        label=_("Agreement document"),
        required=False,
        help_text=_("PDF, office document or image."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,"
                ".png,.jpg,.jpeg"
            }
        ),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    current = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_mb = round(settings.TABLEE_MAX_UPLOAD_BYTES / 1024 / 1024, 1)
        self.fields["agreement_document"].help_text = _(
            "PDF, office document or image, %(limit)s MB at most."
        ) % {"limit": limit_mb}


class RelationEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Ended on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
