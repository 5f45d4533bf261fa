from django import template

from tablee.members.models import ActorType, Contribution, ExpectedRole, Power

register = template.Library()

_KINDS = {
    "role": ExpectedRole,
    "power": Power,
    "contribution": Contribution,
    "actor_type": ActorType,
}


@register.filter
def choice_labels(values, kind: str) -> str:
    """Join the translated labels of stored choice values ("—" when none)."""
    choices = _KINDS[kind]
    labels = [str(choices(value).label) for value in values or [] if value in choices.values]
    return ", ".join(labels) or "—"
