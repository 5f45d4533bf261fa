from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tablee.core.forms import SearchForm
from tablee.decisions import outcomes
from tablee.decisions.models import Modality, Outcome


class RegisterFilterForm(SearchForm):
    """Search and filters of the register; invalid values are simply ignored."""

    in_force = forms.BooleanField(label=_("In force only"), required=False)
    modality = forms.ChoiceField(
        label=_("Modality"), required=False, choices=[("", _("All modalities")), *Modality.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, years=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["meeting"].choices = [("", _("All meetings"))] + [
            (m.pk, _meeting_label(m)) for m in meetings
        ]

    def values(self) -> dict:
        if not self.is_valid():
            return {"q": "", "in_force": False, "modality": "", "year": None, "meeting": None}
        return self.cleaned_data


def _meeting_label(meeting) -> str:
    if meeting.starts_at:
        return f"{timezone.localtime(meeting.starts_at):%Y-%m-%d} — {meeting.title}"
    return meeting.title


def _count_field(label, help_text=""):
    return forms.IntegerField(label=label, required=False, min_value=0, help_text=help_text)


class DecisionForm(forms.Form):
    """A decision as entered by a coordinator; the service checks the rules."""

    wording = forms.CharField(
        label=_("Wording of the decision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Write it as it was decided, so it can be read on its own later."),
    )
    decided_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Choose the meeting first; its items are listed here once it is chosen."),
    )
    poll = forms.IntegerField(widget=forms.HiddenInput, required=False)
    modality = forms.ChoiceField(
        label=_("How it was decided"), choices=Modality.choices, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(label=_("Result"), choices=Outcome.choices)
    objections = _count_field(
        _("Objections"), _("Consent only. Any objection means the proposal is not adopted.")
    )
    votes_for = _count_field(_("Votes for"), _("Majority vote only."))
    votes_against = _count_field(_("Votes against"), _("Majority vote only."))
    abstentions = _count_field(
        _("Abstentions"), _("Majority vote only. Abstentions are not counted as votes cast.")
    )
    threshold_percent = forms.IntegerField(
        label=_("Threshold (%)"),
        required=False,
        min_value=1,
        max_value=99,
        initial=outcomes.DEFAULT_THRESHOLD,
        help_text=outcomes.MAJORITY_RULE,
    )
    dissent = forms.CharField(
        label=_("Dissent recorded"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        help_text=_("Objections, abstentions or disagreement, in the words agreed at the table."),
    )
    reservations = forms.CharField(
        label=_("Named reservations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_(
            "Only for people who asked to be named. One per line: the name, a colon, "
            "then the reservation."
        ),
    )
    accountable_organization = forms.TypedChoiceField(
        label=_("Organization accountable"), required=False, coerce=int, empty_value=None
    )
    accountable_person = forms.TypedChoiceField(
        label=_("Person accountable"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, meetings=(), items=(), organizations=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        for index, (key, label) in enumerate(outcomes.AGREEMENT_LEVELS, start=1):
            self.fields[f"agreement_{key}"] = _count_field(
                label,
                outcomes.AGREEMENT_RULE if index == 1 else _("Agreement scale only."),
            )
        self.fields["meeting"].choices = [("", _("No meeting (between meetings)"))] + [
            (m.pk, _meeting_label(m)) for m in meetings
        ]
        self.fields["agenda_item"].choices = [("", _("No particular item"))] + [
            (i.pk, f"{i.position}. {i.title}") for i in items
        ]
        self.fields["accountable_organization"].choices = [("", _("Nobody in particular"))] + [
            (o.pk, o.name) for o in organizations
        ]
        self.fields["accountable_person"].choices = [("", _("Nobody in particular"))] + [
            (p.pk, str(p)) for p in people
        ]

    def clean_reservations(self) -> list[dict[str, str]]:
        reservations = []
        for line in self.cleaned_data["reservations"].splitlines():
            if not line.strip():
                continue
            name, sep, text = line.partition(":")
            if not sep or not name.strip() or not text.strip():
                raise forms.ValidationError(
                    _("Write each reservation as “Name: reservation”, one per line.")
                )
            reservations.append({"name": name.strip(), "text": text.strip()})
        return reservations

    def agreement_counts(self) -> list[int]:
        values = [
            self.cleaned_data.get(f"agreement_{key}") for key, _l in outcomes.AGREEMENT_LEVELS
        ]
        if all(v is None for v in values):
            return []
        return [v or 0 for v in values]

    def groups(self):
        """The fields in the order the page shows them, with a legend per group."""
        agreement = [self[f"agreement_{key}"] for key, _l in outcomes.AGREEMENT_LEVELS]
        return [
            (_("The decision"), "", [self["wording"], self["decided_on"]]),
            (_("Where it was taken"), "", [self["meeting"], self["agenda_item"]]),
            (_("Modality and result"), "", [self["modality"], self["outcome"]]),
            (_("Consent"), outcomes.CONSENT_RULE, [self["objections"]]),
            (
                _("Majority vote"),
                "",
                [
                    self["votes_for"],
                    self["votes_against"],
                    self["abstentions"],
                    self["threshold_percent"],
                ],
            ),
            (_("Degree of agreement"), "", agreement),
            (_("Dissent"), "", [self["dissent"], self["reservations"]]),
            (
                _("Who carries it out"),
                "",
                [self["accountable_organization"], self["accountable_person"]],
            ),
        ]
