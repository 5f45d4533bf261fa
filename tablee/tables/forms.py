from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.tables.models import Role, Table


class TableCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name (in addresses)"),
        max_length=60,
        help_text=_("Lowercase letters, digits and hyphens, for example quartier-centre."),
    )
    territory = forms.CharField(label=_("Territory"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the table"), choices=Table._meta.get_field("language").choices
    )
    coordinator_email = forms.EmailField(
        label=_("Coordinator's e-mail (optional)"),
        required=False,
        help_text=_("An invitation to coordinate the table is sent to this address."),
    )


class TableEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    territory = forms.CharField(label=_("Territory"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the table"), choices=Table._meta.get_field("language").choices
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    message = forms.CharField(
        label=_("Personal message (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; avoid common passwords."),
    )
