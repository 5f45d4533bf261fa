from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PREVIEW = "page"


class ReportForm(forms.Form):
    """The period and format of the funder report (a GET form: links can be shared)."""

    start = forms.DateField(
        label=pgettext_lazy("report period", "From"), required=False, widget=DATE
    )
    end = forms.DateField(label=pgettext_lazy("report period", "To"), required=False, widget=DATE)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            (PREVIEW, _("Preview on this page")),
            ("pdf", _("PDF document")),
            ("docx", _("Word document (DOCX)")),
            ("xlsx", _("Excel workbook of the whole plan (XLSX, re-importable)")),
        ],
        help_text=_("The Excel workbook always holds the whole plan, whatever the period."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end",
                _("The end of the period comes before its start. Swap the two dates."),
            )
        return cleaned


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label=_("Plan workbook (Excel .xlsx)"),
        help_text=_(
            "Sheets Objectifs and Actions, and if you wish Indicateurs, Valeurs and "
            "Ressources, with the column headers of an exported plan."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.TABLEE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Send an Excel workbook (.xlsx)."))
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


class AnnualReportForm(forms.Form):
    """The year, the format and the audience of the annual report to download."""

    year = forms.IntegerField(label=_("Year"))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("pdf", _("PDF document")), ("docx", _("Word document (DOCX)"))],
    )
    audience = forms.ChoiceField(
        label=_("Copy for"),
        choices=[
            ("outside", _("Partners and funders (only the results the table decided to share)")),
            ("table", _("The members of the table (every result the table reads)")),
        ],
        initial="outside",
        help_text=_(
            "Evaluation results stay private to the table unless it decided, by a recorded "
            "decision, to share them."
        ),
    )

    def clean_year(self):
        from tablee.core.errors import DomainError
        from tablee.reports.annual import check_year

        try:
            return check_year(self.cleaned_data["year"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from None


class AnnualTextForm(forms.Form):
    """The coordination's own sections of one year's annual report."""

    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Your own words to open the report. Leave a blank line between paragraphs."),
    )
    outlook = forms.CharField(
        label=_("Outlook"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the table means to do next year, in your own words."),
    )

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
