from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.accounts.models import User


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("Shown to the people of your tables."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=User._meta.get_field("language").choices,
        help_text=_("Pages and e-mails use this language."),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    directory_consent = forms.BooleanField(
        label=_("Show my e-mail and phone in the who's-who of my tables"),
        required=False,
        help_text=_("Only members and coordinators of your tables see them; observers never do."),
    )


class ApiTokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Say which tool will use it, for example “Spreadsheet export”."),
    )
