from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.core.errors import DomainError


def posted(request):
    """Return the POST data of a POST request (even empty), else None.

    `request.POST or None` would leave a form unbound when a confirmation
    form posts nothing but its CSRF token, which the test client omits.
    """
    return request.POST if request.method == "POST" else None


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on the form: on its fields when named, else on top."""
    fields = error.extra.get("fields") or {}
    placed = False
    for field, messages in fields.items():
        if field in form.fields:
            for message in messages:
                form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)


class ConfirmForm(forms.Form):
    """An empty form whose only job is to carry the CSRF token of a confirmation."""


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
