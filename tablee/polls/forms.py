from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.polls.models import PollKind, VoterUnit


class PollCreateForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    description = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("What people should know before voting: context, documents, consequences."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of vote"), choices=PollKind.choices, widget=forms.RadioSelect
    )
    options = forms.CharField(
        label=_("Options"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One option per line, at least two."),
    )
    dots_per_voter = forms.IntegerField(
        label=_("Dots per voter"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Dot voting only: how many dots each voter spreads over the options."),
    )
    voter_unit = forms.ChoiceField(
        label=_("Who votes"),
        choices=VoterUnit.choices,
        initial=VoterUnit.PERSON,
        help_text=_(
            "Per seat: any current holder of a seat (representative or alternate) votes for it, "
            "and the first ballot counts. Per person: every member and coordinator. "
            "Observers never vote."
        ),
    )
    is_secret = forms.BooleanField(
        label=_("Secret ballot"),
        required=False,
        help_text=_("Nobody, not even the coordination, can see who chose what."),
    )
    hide_results_until_closed = forms.BooleanField(
        label=_("Hide the results until the poll closes"),
        required=False,
        initial=True,
        help_text=_("Until then, only the number of people who voted is shown."),
    )
    opens_at = forms.DateTimeField(
        label=_("Opens"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    closes_at = forms.DateTimeField(
        label=_("Closes"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def option_labels(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]


class BallotForm(forms.Form):
    """The ballot of one poll; its fields depend on the kind of vote.

    `choices()` returns what the service expects: a list of option ids, or
    an object of option id → number.
    """

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.options = list(poll.options.all())
        pairs = [(str(option.pk), option.label) for option in self.options]
        if poll.kind == PollKind.SINGLE:
            self.fields["choice"] = forms.ChoiceField(
                label=_("Your choice"), choices=pairs, widget=forms.RadioSelect
            )
        elif poll.kind == PollKind.APPROVAL:
            self.fields["choice"] = forms.MultipleChoiceField(
                label=_("The options you approve"),
                choices=pairs,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick every option you can support."),
            )
        elif poll.kind == PollKind.RANKED:
            ranks = [("", _("Not ranked"))] + [
                (str(n), str(n)) for n in range(1, len(self.options) + 1)
            ]
            for option in self.options:
                self.fields[f"option_{option.pk}"] = forms.TypedChoiceField(
                    label=option.label, choices=ranks, required=False, coerce=int, empty_value=None
                )
        elif poll.kind == PollKind.DOTS:
            for option in self.options:
                self.fields[f"option_{option.pk}"] = forms.IntegerField(
                    label=option.label,
                    required=False,
                    min_value=0,
                    max_value=poll.dots_per_voter,
                    initial=0,
                )
        else:
            levels = [(str(n), str(n)) for n in range(1, 6)]
            for option in self.options:
                self.fields[f"option_{option.pk}"] = forms.TypedChoiceField(
                    label=option.label, choices=levels, coerce=int, widget=forms.RadioSelect
                )

    def clean(self):
        data = super().clean()
        if self.poll.kind == PollKind.RANKED:
            ranks = [data.get(f"option_{o.pk}") for o in self.options]
            given = [rank for rank in ranks if rank is not None]
            if len(set(given)) != len(given):
                raise forms.ValidationError(_("Give each rank to one option only."))
        return data

    def choices(self):
        data = self.cleaned_data
        kind = self.poll.kind
        if kind == PollKind.SINGLE:
            return [int(data["choice"])]
        if kind == PollKind.APPROVAL:
            return [int(value) for value in data["choice"]]
        if kind == PollKind.RANKED:
            ranked = [
                (data[f"option_{o.pk}"], o.pk)
                for o in self.options
                if data.get(f"option_{o.pk}") is not None
            ]
            return [pk for _rank, pk in sorted(ranked)]
        return {
            str(o.pk): data[f"option_{o.pk}"]
            for o in self.options
            if data.get(f"option_{o.pk}") is not None
        }
