import pytest

from tablee.meetings.tests.factories import MeetingFactory, seat_with_holders


@pytest.fixture
def meeting(table):
    return MeetingFactory(table=table)


@pytest.fixture
def seats(table, member):
    """Three open seats: the member represents one, with an alternate."""
    from tablee.accounts.tests.factories import UserFactory
    from tablee.tables.models import Role
    from tablee.tables.tests.factories import MembershipFactory

    alternate = MembershipFactory(
        table=table, role=Role.MEMBER, user__email="alt@example.org"
    ).user
    other = MembershipFactory(table=table, role=Role.MEMBER, user__email="rep2@example.org").user
    return [
        seat_with_holders(table, label="CLSC", representative=member, alternate=alternate),
        seat_with_holders(table, label="École", representative=other),
        seat_with_holders(table, label="Siège citoyen", representative=UserFactory()),
    ]


def audit_events(table):
    from tablee.core.models import AuditEntry

    return list(AuditEntry.objects.filter(table=table).values_list("event", flat=True))
