from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tablee.processes.models import GroupKind, Level, Lever, StageStatus

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProcessForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.CharField(
        label=_("Short name (for addresses)"),
        max_length=60,
        required=False,
        help_text=_(
            "Lowercase letters, digits and hyphens, e.g. plan-action-2025. "
            "Leave empty to make one from the title. It cannot be changed later."
        ),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the table wants to change through this process."),
    )
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DATE_WIDGET)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["slug"]


class StageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=StageStatus.choices)
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DATE_WIDGET)
    question = forms.CharField(
        label=_("Question this stage answers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _date_prefix(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return f"{value:%Y-%m-%d} — "


class LinkForm(forms.Form):
    """Pick a decision, meeting or poll of the table to link to the stage."""

    item = forms.TypedChoiceField(label="", coerce=int)

    def __init__(self, *args, kind: str, items=(), **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        field = self.fields["item"]
        field.label = {
            "decision": _("Decision of the register"),
            "meeting": _("Meeting"),
            "poll": _("Poll"),
        }[kind]
        choices = [("", _("Choose…"))]
        for item in items:
            if kind == "decision":
                label = _("No. %(number)s — %(wording)s") % {
                    "number": item.number,
                    "wording": item.wording[:90],
                }
            elif kind == "meeting":
                label = _date_prefix(item.starts_at) + item.title
            else:
                label = _date_prefix(item.opens_at) + item.question[:90]
            choices.append((item.pk, label))
        field.choices = choices


class StageDocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    file = forms.FileField(label=_("File"))


class NeedForm(forms.Form):
    """One select lists every group (by kind), a second says how strongly."""

    group = forms.ChoiceField(label=_("Group needed"))
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)

    def __init__(self, *args, sectors=(), committees=(), seats=(), **kwargs):
        from tablee.members.models import ActorType

        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [
            ("", _("Choose…")),
            (GroupKind.SECTOR.label, [(f"sector:{s.pk}", s.name) for s in sectors]),
            (
                GroupKind.ACTOR_TYPE.label,
                [(f"actor_type:{value}", label) for value, label in ActorType.choices],
            ),
            (GroupKind.COMMITTEE.label, [(f"committee:{c.pk}", c.name) for c in committees]),
            (GroupKind.SEAT.label, [(f"seat:{s.pk}", str(s)) for s in seats]),
        ]

    def target(self) -> tuple[str, str]:
        kind, _sep, value = self.cleaned_data["group"].partition(":")
        return kind, value


class LeversForm(forms.Form):
    information = forms.CharField(
        label=Lever.INFORMATION.label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What will be gathered and shared so that people know where things stand."),
    )
    communication = forms.CharField(
        label=Lever.COMMUNICATION.label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How people will be reached and kept in the loop."),
    )
    motivation = forms.CharField(
        label=Lever.MOTIVATION.label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What will keep people wanting to take part and own the work."),
    )
    resources = forms.CharField(
        label=Lever.RESOURCES.label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Money, staff time, rooms or support available for this stage."),
    )


class ContributionForm(forms.Form):
    contributor = forms.ChoiceField(label=_("Who contributed"))
    contributed_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    note = forms.CharField(
        label=_("What was contributed"),
        max_length=300,
        widget=forms.TextInput(),
        help_text=_("A short note, e.g. “shared the data of the food bank”."),
    )

    def __init__(self, *args, seats=(), organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributor"].choices = [
            ("", _("Choose…")),
            (_("Seats"), [(f"seat:{s.pk}", str(s)) for s in seats]),
            (_("Organizations"), [(f"organization:{o.pk}", o.name) for o in organizations]),
        ]

    def target(self) -> tuple[str, str]:
        kind, _sep, value = self.cleaned_data["contributor"].partition(":")
        return kind, value
