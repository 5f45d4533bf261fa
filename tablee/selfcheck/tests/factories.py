"""Factories of the self-check; cards share the check's table."""

import datetime

import factory

from tablee.selfcheck.models import SelfCheck
from tablee.tables.tests.factories import TableFactory


class SelfCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfCheck

    table = factory.SubFactory(TableFactory)
    held_on = factory.LazyFunction(datetime.date.today)


def make_check(*, table, actor, levels=None, completed=False, held_on=None):
    """A check through the services, with `levels` (code → level) set."""
    from tablee.selfcheck import selectors, services

    check = services.selfcheck_start(table=table, actor=actor, held_on=held_on)
    for card in selectors.card_list(check=check):
        if levels and card.code in levels:
            services.card_update(
                card=card,
                actor=actor,
                base_revision=card.revision,
                data=services.CardInput(level=levels[card.code]),
            )
    if completed:
        services.selfcheck_complete(check=check, actor=actor)
    return check
