from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.frameworks.models import (
    FAVOURABLE_CATEGORIES,
    OBSTACLE_CATEGORIES,
    ConditionCategory,
    ConditionKind,
    ConditionStatus,
    FrameworkKind,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _ids_field(label, help_text=""):
    return forms.TypedMultipleChoiceField(
        label=label,
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _action_choices(actions) -> list:
    return [(a.pk, f"{a.process.title} — {a.title}") for a in actions]


class FrameworkFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *FrameworkKind.choices]
    )

    def values(self) -> dict:
        return self.cleaned_data if self.is_valid() else {"kind": ""}


class FrameworkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=FrameworkKind.choices)
    issuer = forms.CharField(
        label=_("Issued by"),
        max_length=200,
        required=False,
        help_text=_("The ministry, municipality, organization or network behind it."),
    )
    starts_on = forms.DateField(label=_("In force from"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("In force until"), required=False, widget=DATE_WIDGET)
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("A PDF, an office document or an image."),
    )
    remove_document = forms.BooleanField(label=_("Remove the current document"), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    objectives = _ids_field(_("Objectives it frames"))
    actions = _ids_field(_("Plan actions it frames"))
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, objectives=(), actions=(), has_document=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].choices = [
            (o.pk, f"{o.process.title} — {o.title}") for o in objectives
        ]
        self.fields["actions"].choices = [
            (a.pk, f"{a.process.title} — {a.title}") for a in actions
        ]
        if not has_document:
            del self.fields["remove_document"]


class ConditionFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Both kinds")), *ConditionKind.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *ConditionCategory.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open and addressed")), *ConditionStatus.choices],
    )

    def values(self) -> dict:
        if not self.is_valid():
            return {"kind": "", "category": "", "status": ""}
        return self.cleaned_data


def category_choices():
    """Categories grouped by kind, as the World Café synthesis lists them."""
    obstacle = [(c.value, c.label) for c in OBSTACLE_CATEGORIES if c != ConditionCategory.OTHER]
    favourable = [
        (c.value, c.label) for c in FAVOURABLE_CATEGORIES if c != ConditionCategory.OTHER
    ]
    return [
        (_("Obstacles"), obstacle),
        (_("Favourable conditions"), favourable),
        (ConditionCategory.OTHER.value, ConditionCategory.OTHER.label),
    ]


class ConditionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ConditionKind.choices, widget=forms.RadioSelect
    )
    category = forms.ChoiceField(label=_("Category"))
    description = forms.CharField(
        label=_("What was noticed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    noticed_on = forms.DateField(label=_("Noticed on"), widget=DATE_WIDGET)
    actions = _ids_field(_("Plan actions concerned"))
    stages = _ids_field(_("Stages concerned"))
    response = forms.CharField(
        label=_("What the table decided to do"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision = forms.TypedChoiceField(
        label=_("Decision of the register"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ConditionStatus.choices, widget=forms.RadioSelect
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actions=(), stages=(), decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices()
        self.fields["actions"].choices = [
            (a.pk, f"{a.process.title} — {a.title}") for a in actions
        ]
        self.fields["stages"].choices = [
            (s.pk, f"{s.process.title} — {s.get_kind_display()}") for s in stages
        ]
        self.fields["decision"].choices = [("", _("No decision linked"))] + [
            (d.pk, f"#{d.number} {d.wording[:80]}") for d in decisions
        ]
