"""HTML input of the charter pages: validation of shape only, rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tablee.charters.models import TableRole
from tablee.charters.questions import Family
from tablee.charters.services import MAX_ANSWER_LENGTH, MAX_COMMENT_LENGTH, MAX_LINE_LENGTH
from tablee.members.models import ActorType

# Empty rows offered in each repeatable list; "Add rows" offers this many more.
EMPTY_ROWS = 3
MAX_ROWS = 50


class AnswerStepForm(forms.Form):
    """One textarea per question of a family, plus the draft's revision."""

    revision = forms.IntegerField(
        widget=forms.HiddenInput(attrs={"form": "answers-form"}), min_value=0
    )

    def __init__(self, *args, family: Family, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.family = family
        for question in family.questions:
            self.fields[question.key] = forms.CharField(
                label=question.title,
                help_text=question.help,
                required=False,
                max_length=MAX_ANSWER_LENGTH,
                strip=False,
                # The `form` attribute ties each textarea to the answers form, so the
                # comment forms can sit under each answer without nesting forms.
                widget=forms.Textarea(attrs={"rows": 5, "form": "answers-form"}),
            )

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data.get(q.key, "") for q in self.family.questions}


class ChoicesForm(forms.Form):
    """Checkbox groups and repeatable lines of the structured choices.

    The repeatable lines arrive as repeated names (`non_negotiables`,
    `co_constructed`, `acc_what`/`acc_who`), so the page works without
    JavaScript: it shows a few empty rows, and "Add rows" asks for more.
    """

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    table_roles = forms.MultipleChoiceField(
        label=_("Roles the table plays together"),
        choices=TableRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needed_sectors = forms.MultipleChoiceField(
        label=_("Sectors the table needs"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needed_actor_types = forms.MultipleChoiceField(
        label=_("Types of actors the table needs"),
        choices=ActorType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, sectors: list[tuple[str, str]], lines: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needed_sectors"].choices = sectors
        # `lines` holds the current values: from the version, or as posted.
        self.lines = lines

    def clean(self):
        data = super().clean()
        for name in ("non_negotiables", "co_constructed"):
            if len(self.lines[name]) > MAX_ROWS:
                self.add_error(None, _("Keep each list under %(max)s lines.") % {"max": MAX_ROWS})
            if any(len(v) > MAX_LINE_LENGTH for v in self.lines[name]):
                self.add_error(
                    None,
                    _("Keep each line under %(max)s characters.") % {"max": MAX_LINE_LENGTH},
                )
        return data

    @staticmethod
    def lines_from_post(data) -> dict:
        whats = data.getlist("acc_what")
        whos = data.getlist("acc_who")
        size = max(len(whats), len(whos))
        whats += [""] * (size - len(whats))
        whos += [""] * (size - len(whos))
        return {
            "non_negotiables": data.getlist("non_negotiables"),
            "co_constructed": data.getlist("co_constructed"),
            "accountabilities": [{"what": w, "who": o} for w, o in zip(whats, whos, strict=True)],
        }

    @staticmethod
    def lines_from_version(version) -> dict:
        return {
            "non_negotiables": list(version.non_negotiables),
            "co_constructed": list(version.co_constructed),
            "accountabilities": [dict(item) for item in version.accountabilities],
        }


def rows_with_blanks(lines: dict, extra: int = EMPTY_ROWS) -> dict:
    """Return the lines to show: the filled ones, then `extra` empty rows."""
    filled = {
        "non_negotiables": [v for v in lines["non_negotiables"] if v.strip()],
        "co_constructed": [v for v in lines["co_constructed"] if v.strip()],
        "accountabilities": [
            item
            for item in lines["accountabilities"]
            if (item.get("what") or "").strip() or (item.get("who") or "").strip()
        ],
    }
    return {
        "non_negotiables": filled["non_negotiables"] + [""] * extra,
        "co_constructed": filled["co_constructed"] + [""] * extra,
        "accountabilities": filled["accountabilities"] + [{"what": "", "who": ""}] * extra,
    }


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AdoptForm(forms.Form):
    adoption_note = forms.CharField(
        label=_("Adoption note (optional)"),
        help_text=_("For example: adopted by the plenary of 3 March, by consensus."),
        max_length=300,
        required=False,
    )


class CompareForm(forms.Form):
    from_number = forms.IntegerField(label=_("From version"), min_value=1)
    to_number = forms.IntegerField(label=_("To version"), min_value=1)
