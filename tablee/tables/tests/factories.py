from datetime import timedelta

import factory
from django.utils import timezone

from tablee.accounts.models import hash_token
from tablee.accounts.tests.factories import UserFactory
from tablee.tables.models import Invitation, Membership, Role, Table


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Table

    name = factory.Sequence(lambda n: f"Table de concertation {n}")
    slug = factory.Sequence(lambda n: f"table-{n}")
    territory = "Quartier Centre"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    table = factory.SubFactory(TableFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    class Params:
        raw_token = factory.Sequence(lambda n: f"invitation-token-{n}")

    table = factory.SubFactory(TableFactory)
    email = factory.Sequence(lambda n: f"invite{n}@example.org")
    role = Role.MEMBER
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.raw_token))
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
