"""HTML input of the meetings pages (validation of shape only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.meetings.models import Availability, ItemKind, QuorumRule, Reply


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    committee = forms.TypedChoiceField(
        label=_("Held by"), required=False, coerce=int, empty_value=None
    )
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Leave empty to find a date with the members first."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=15, max_value=720, initial=120
    )
    location = forms.CharField(label=_("Place (address)"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        help_text=_("For an online or hybrid meeting."),
        assume_scheme="https",
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].choices = [("", _("The whole table"))] + [
            (committee.pk, str(committee)) for committee in committees
        ]


class ProposeDatesForm(forms.Form):
    slot_1 = forms.DateTimeField(label=_("First proposed time"), widget=DateTimeInput())
    slot_2 = forms.DateTimeField(
        label=_("Second proposed time"), required=False, widget=DateTimeInput()
    )
    slot_3 = forms.DateTimeField(
        label=_("Third proposed time"), required=False, widget=DateTimeInput()
    )
    slot_4 = forms.DateTimeField(
        label=_("Fourth proposed time"), required=False, widget=DateTimeInput()
    )

    def slots(self):
        return [self.cleaned_data.get(f"slot_{n}") for n in range(1, 5)]


AVAILABILITY_CHOICES = [("", _("No answer")), *list(Availability.choices)]


class AnswerDatesForm(forms.Form):
    """One radio group per proposed slot, named `option_<id>`."""

    def __init__(self, *args, options=(), initial_answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_answers = initial_answers or {}
        for option in options:
            self.fields[f"option_{option.pk}"] = forms.ChoiceField(
                label=option.starts_at,
                choices=AVAILABILITY_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=initial_answers.get(option.pk, ""),
            )
        self.options = list(options)

    def answers(self) -> dict[int, str]:
        return {
            option.pk: self.cleaned_data.get(f"option_{option.pk}", "") for option in self.options
        }


class ChooseDateForm(forms.Form):
    option = forms.IntegerField(widget=forms.HiddenInput)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ItemKind.choices)
    duration_minutes = forms.IntegerField(
        label=_("Planned minutes"), min_value=1, max_value=480, initial=15
    )
    presenter = forms.TypedChoiceField(
        label=_("Presenter"), required=False, coerce=int, empty_value=None
    )
    presenter_name = forms.CharField(
        label=_("Presenter (guest without an account)"), max_length=150, required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].choices = [("", _("Nobody in particular"))] + [
            (person.pk, person.display_name) for person in people
        ]


class ProposeItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ItemKind.choices)
    duration_minutes = forms.IntegerField(
        label=_("Minutes needed"), min_value=1, max_value=240, initial=15
    )
    description = forms.CharField(
        label=_("Why this item?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MoveItemForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Your answer"), choices=Reply.choices, widget=forms.RadioSelect
    )


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, office document or image."),
    )


class RulesForm(forms.Form):
    quorum_rule = forms.ChoiceField(
        label=_("Quorum"), choices=QuorumRule.choices, widget=forms.RadioSelect
    )
    quorum_fixed = forms.IntegerField(
        label=_("Fixed number of seats"),
        required=False,
        min_value=1,
        help_text=_("Only for the rule “a fixed number of seats”."),
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CurrentItemForm(forms.Form):
    item = forms.IntegerField(required=False, widget=forms.HiddenInput)
