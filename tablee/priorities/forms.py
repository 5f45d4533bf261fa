"""HTML input of vision and priorities pages: shape only, rules live in services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tablee.decisions.models import Modality
from tablee.priorities.models import RoundMethod
from tablee.priorities.services import MAX_COMMENT_LENGTH, MAX_STATEMENT_LENGTH

# The criteria a new round starts with; the table keeps, rewords or drops them.
DEFAULT_CRITERIA = (
    _("Expected impact"),
    _("Feasibility"),
    _("Urgency"),
    _("Fit with the table's mission"),
    _("Capacity to act"),
)

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class StatementForm(forms.Form):
    statement = forms.CharField(
        label=_("Common vision"),
        required=False,
        max_length=MAX_STATEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "In a few sentences, the change the partners want to see on the territory, "
            "in their own words."
        ),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AdoptForm(forms.Form):
    """How the table decided, recorded as a decision of the register."""

    decided_on = forms.DateField(
        label=_("Date of the decision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    modality = forms.ChoiceField(
        label=_("How the table decided"),
        choices=[
            (Modality.CONSENSUS, Modality.CONSENSUS.label),
            (Modality.CONSENT, Modality.CONSENT.label),
            (Modality.MAJORITY, Modality.MAJORITY.label),
        ],
        initial=Modality.CONSENSUS,
    )
    votes_for = forms.IntegerField(label=_("Votes for"), required=False, min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), required=False, min_value=0)
    abstentions = forms.IntegerField(label=_("Abstentions"), required=False, min_value=0)
    objections = forms.IntegerField(
        label=_("Objections"),
        required=False,
        min_value=0,
        help_text=_("With consent: how many objections (0 to adopt)."),
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("decided_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class CompareForm(forms.Form):
    from_number = forms.IntegerField(label=_("From version"), min_value=1)
    to_number = forms.IntegerField(label=_("To version"), min_value=1)


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    method = forms.ChoiceField(
        label=_("Method"),
        choices=RoundMethod.choices,
        initial=RoundMethod.RATINGS,
        widget=forms.RadioSelect,
    )
    opens_at = forms.DateTimeField(label=_("Rating opens"), required=False, widget=_DATETIME)
    closes_at = forms.DateTimeField(label=_("Rating closes"), required=False, widget=_DATETIME)
    criteria = forms.CharField(
        label=_("Criteria"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One criterion per line. Each candidate is rated from 1 to 5 on each."),
    )
    poll = forms.TypedChoiceField(
        label=_("Dot-vote poll"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Dot vote only: the poll whose results rank the options."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, polls=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["poll"].choices = [("", "—")] + [(p.pk, p.question) for p in polls]
        if not self.is_bound and "criteria" not in self.initial:
            self.initial["criteria"] = "\n".join(str(label) for label in DEFAULT_CRITERIA)

    def criteria_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["criteria"].splitlines()]


class CandidateForm(forms.Form):
    title = forms.CharField(
        label=_("Candidate"),
        required=False,
        max_length=300,
        help_text=_("An action or objective to rate. Left empty, the linked item's title."),
    )
    description = forms.CharField(
        label=_("Description (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    objective = forms.TypedChoiceField(
        label=_("Objective of the plan (optional)"), required=False, coerce=int, empty_value=None
    )
    plan_action = forms.TypedChoiceField(
        label=_("Action of the plan (optional)"), required=False, coerce=int, empty_value=None
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, objectives=(), actions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [("", "—")] + [(o.pk, o.title) for o in objectives]
        self.fields["plan_action"].choices = [("", "—")] + [(a.pk, a.title) for a in actions]


SCORE_CHOICES = [("", _("Not rated"))] + [(str(n), str(n)) for n in range(1, 6)]


class RatingsForm(forms.Form):
    """One set of radio buttons per candidate and criterion: 1 to 5, or not rated."""

    def __init__(self, *args, round, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(round.criteria.all())
        self.candidates = list(round.candidates.all())
        for candidate in self.candidates:
            for criterion in self.criteria:
                self.fields[self.key(candidate.pk, criterion.pk)] = forms.ChoiceField(
                    label=criterion.label,
                    choices=SCORE_CHOICES,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={
                        "invalid_choice": _("Each rating is a whole number from 1 to 5.")
                    },
                )

    @staticmethod
    def key(candidate_id: int, criterion_id: int) -> str:
        return f"r-{candidate_id}-{criterion_id}"

    def scores(self) -> dict[tuple[int, int], int | None]:
        result = {}
        for candidate in self.candidates:
            for criterion in self.criteria:
                value = self.cleaned_data.get(self.key(candidate.pk, criterion.pk))
                result[(candidate.pk, criterion.pk)] = int(value) if value else None
        return result

    def rows(self) -> list[dict]:
        """Fields grouped per candidate, for the template."""
        return [
            {
                "candidate": candidate,
                "fields": [self[self.key(candidate.pk, c.pk)] for c in self.criteria],
            }
            for candidate in self.candidates
        ]
