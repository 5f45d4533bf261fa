from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tablee.portrait.models import MAX_YEAR, MIN_YEAR, Coverage


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.unit})" if obj.unit else obj.name


class PlanActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.process.title} — {obj.objective.title} — {obj.title}"


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    unit = forms.CharField(
        label=_("Unit"),
        max_length=60,
        required=False,
        help_text=_("For example %, households, km, $."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("Where the figures come from (survey, census, organization)."),
    )
    geography = forms.CharField(
        label=_("Geography"),
        max_length=200,
        required=False,
        help_text=_("The territory the figures describe (town, neighbourhood, MRC)."),
    )
    description = forms.CharField(
        label=_("What it measures"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    process = forms.ModelChoiceField(
        label=_("Collective process"),
        queryset=None,
        required=False,
        empty_label=_("None (the whole table)"),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = processes


class ValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    value = forms.DecimalField(
        label=_("Value"),
        required=False,
        max_digits=16,
        decimal_places=4,
        localize=True,
        help_text=_("Leave empty when the data is missing: it will be shown as missing, not 0."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=200,
        required=False,
        help_text=_("For example: partial data, estimate, new method."),
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: indicateur, unité, source, année, géographie, valeur (and an optional "
            "note). Download the template below."
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


class FindingForm(forms.Form):
    """A need or a strength: the statement, who identified it, the evidence."""

    statement = forms.CharField(
        label=_("Statement"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    details = forms.CharField(
        label=_("Details"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    organizations = forms.ModelMultipleChoiceField(
        label=_("Identified by these organizations"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Identified by these sectors"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    citizens = forms.CharField(
        label=_("Citizens consulted"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Who was consulted and how (forum, survey, kitchen-table talks)."),
    )
    indicators = IndicatorChoiceField(
        label=_("Indicators as evidence"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    process = forms.ModelChoiceField(
        label=_("Collective process"),
        queryset=None,
        required=False,
        empty_label=_("None (the whole table)"),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, sectors, indicators, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = organizations
        self.fields["sectors"].queryset = sectors
        self.fields["indicators"].queryset = indicators
        self.fields["process"].queryset = processes


class NeedForm(FindingForm):
    coverage = forms.ChoiceField(
        label=_("Is it covered by an existing service?"),
        choices=Coverage.choices,
        initial=Coverage.UNKNOWN,
        widget=forms.RadioSelect,
    )
    coverage_note = forms.CharField(
        label=_("About the coverage"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Which service, for whom, what is left uncovered."),
    )
    field_order = [
        "statement",
        "details",
        "coverage",
        "coverage_note",
        "organizations",
        "sectors",
        "citizens",
        "indicators",
        "process",
    ]


class NeedActionsForm(forms.Form):
    actions = PlanActionChoiceField(
        label=_("The actions that answer this need"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = actions


class NeedFilterForm(forms.Form):
    coverage = forms.ChoiceField(
        label=_("Coverage"),
        required=False,
        choices=[("", _("All")), *Coverage.choices],
    )
    process = forms.TypedChoiceField(
        label=_("Collective process"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].choices = [("", _("All processes"))] + [
            (p.pk, p.title) for p in processes
        ]


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, office document or image."))
