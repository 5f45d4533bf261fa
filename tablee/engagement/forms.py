from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.engagement.models import HealthSettings


class HealthSettingsForm(forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = HealthSettings
        fields = [
            "show_names_to_members",
            "absence_streak",
            "sector_silence",
            "trend_drop_points",
            "reporting_days",
            "vacancy_days",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trend_drop_points"].help_text = _(
            "Compares the mean attendance of the last 3 meetings with the 6 before them."
        )


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Group by"),
        choices=[("year", _("Year")), ("quarter", _("Quarter"))],
        required=False,
    )
