from django import forms
from django.utils.translation import gettext_lazy as _


class MinutesEditForm(forms.Form):
    body = forms.CharField(
        label=_("Text of the minutes"),
        widget=forms.Textarea(attrs={"rows": 28, "class": "minutes-textarea"}),
        help_text=_(
            "Plain text. Underline a title with ==== or ----; start a list item with “- ”."
        ),
        strip=False,
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class AdoptForm(forms.Form):
    decision = forms.ModelChoiceField(
        label=_("Decision that adopted the minutes"),
        queryset=None,
        empty_label=_("Choose a decision"),
        help_text=_("Only adopted decisions of meetings held after this one are listed."),
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class ErratumForm(forms.Form):
    text = forms.CharField(
        label=_("Correction"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Say what was wrong and what the correct text is."),
    )
    decision = forms.ModelChoiceField(
        label=_("Decision that approved the correction (optional)"),
        queryset=None,
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
