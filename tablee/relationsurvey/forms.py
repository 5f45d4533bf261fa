"""HTML input of the relations survey: validation of types only.

The rules (every organization rated, trust and value only when asked and
only for a link) live in the services, so pages and API agree.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.relationsurvey.models import (
    DEFAULT_THRESHOLD,
    DEFAULT_TIE_LEVEL,
    MIN_THRESHOLD,
    JointWork,
    Rating,
    TieRule,
)

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def level_choices(minimum: int = 0) -> list[tuple[int, str]]:
    """Levels with their number, built when a form is shown (labels follow the language)."""
    return [
        (value, f"{value} — {label}") for value, label in JointWork.choices if value >= minimum
    ]


def tie_level_choices() -> list[tuple[int, str]]:
    return level_choices(minimum=1)


class WaveForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    opens_at = forms.DateTimeField(label=_("Opens"), widget=_DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes"), widget=_DATETIME)
    tie_level = forms.TypedChoiceField(
        label=_("A tie counts from level"),
        coerce=int,
        choices=tie_level_choices,
        initial=DEFAULT_TIE_LEVEL,
        help_text=_("Pairs rated below this level are not drawn as ties (default 2)."),
    )
    tie_rule = forms.ChoiceField(
        label=_("A tie counts when"),
        choices=TieRule.choices,
        widget=forms.RadioSelect,
        initial=TieRule.EITHER,
        help_text=_(
            "« Either » suits a survey where some organizations do not answer; « both » keeps "
            "only the ties the two sides confirm."
        ),
    )
    ask_trust_value = forms.BooleanField(
        label=_("Also ask for trust and value (1 to 4)"), required=False
    )
    anonymity_threshold = forms.IntegerField(
        label=_("Anonymity threshold"),
        min_value=MIN_THRESHOLD,
        max_value=50,
        initial=DEFAULT_THRESHOLD,
        help_text=_(
            "Trust and value received by an organization are shown only when at least this "
            "many organizations rated it (3 at least)."
        ),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AnswerForm(forms.Form):
    """One row per other organization of the wave: a level, and trust and value if asked."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, targets, ask_trust_value: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = targets
        self.ask_trust_value = ask_trust_value
        rating_choices = [("", _("Not rated"))] + [
            (value, f"{value} — {label}") for value, label in Rating.choices
        ]
        for org in targets:
            self.fields[f"level_{org.pk}"] = forms.TypedChoiceField(
                label=_("Level of joint work with %(name)s") % {"name": org.name},
                choices=level_choices(),
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            if ask_trust_value:
                self.fields[f"trust_{org.pk}"] = forms.TypedChoiceField(
                    label=_("Trust"),
                    choices=rating_choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
                self.fields[f"value_{org.pk}"] = forms.TypedChoiceField(
                    label=_("Value"),
                    choices=rating_choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )

    @property
    def rows(self) -> list[tuple]:
        """(organization, level field, trust field or None, value field or None)."""
        return [
            (
                org,
                self[f"level_{org.pk}"],
                self[f"trust_{org.pk}"] if self.ask_trust_value else None,
                self[f"value_{org.pk}"] if self.ask_trust_value else None,
            )
            for org in self.targets
        ]

    def ratings(self) -> dict:
        """The cleaned grid as {organization id: (level, trust, value)}."""
        data = self.cleaned_data
        return {
            org.pk: (
                data.get(f"level_{org.pk}"),
                data.get(f"trust_{org.pk}"),
                data.get(f"value_{org.pk}"),
            )
            for org in self.targets
        }


class ReadingForm(forms.Form):
    """Another tie rule or level than the wave's, to read its results differently."""

    rule = forms.ChoiceField(label=_("A tie counts when"), choices=TieRule.choices)
    level = forms.TypedChoiceField(label=_("From level"), coerce=int, choices=tie_level_choices)
