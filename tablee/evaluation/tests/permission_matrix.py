"""Expected answers of evaluation URLs for every role."""

from tablee.evaluation import links
from tablee.evaluation.models import ExternalInvitation
from tablee.evaluation.tests.factories import CampaignFactory, add_responses
from tablee.testing.matrix import Expect, coordination, everyone, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)
# Only invited people of the table answer (here: the member and the
# coordinator); observers are not invited, platform admins have no seat.
ANSWER = statuses(
    anonymous=302,
    observer=403,
    member=200,
    coordinator=200,
    other_coordinator=404,
    platform_admin=403,
)


def _campaign(world):
    campaign = CampaignFactory(
        table=world.table, people=[world.people["member"], world.people["coordinator"]]
    )
    add_responses(campaign, 6)
    world.extra["campaign"] = campaign
    world.extra["external"] = ExternalInvitation.objects.create(
        table=world.table, campaign=campaign, email="ville@example.org"
    )


def _together(world):
    world.extra["campaign"] = CampaignFactory(
        table=world.table, mode="together", people=[world.people["member"]]
    )


def _shared(world):
    from tablee.decisions.tests.factories import DecisionFactory

    _campaign(world)
    campaign = world.extra["campaign"]
    campaign.sharing_decision = DecisionFactory(table=world.table)
    campaign.results_shared = True
    campaign.save()


def _share_link(world):
    return {
        "table_slug": world.table.slug,
        "token": links.make_share_token(campaign=world.extra["campaign"]),
    }


def _c(world):
    return {"table_slug": world.table.slug, "campaign_id": world.extra["campaign"].pk}


def _t(world):
    return {"table_slug": world.table.slug}


def _link(world):
    return {
        "table_slug": world.table.slug,
        "token": links.make_token(invitation_id=world.extra["external"].pk),
    }


EXPECTATIONS = {
    "evaluation:campaign-list": Expect(TABLE_READ, setup=_campaign, kwargs=_t),
    "evaluation:campaign-create": Expect(COORDINATION, kwargs=_t),
    "evaluation:campaign-detail": Expect(TABLE_READ, setup=_campaign, kwargs=_c),
    "evaluation:campaign-edit": Expect(COORDINATION, setup=_campaign, kwargs=_c),
    "evaluation:campaign-delete": Expect(COORDINATION, setup=_campaign, kwargs=_c),
    "evaluation:campaign-answer": Expect(ANSWER, setup=_campaign, kwargs=_c),
    "evaluation:campaign-results": Expect(TABLE_READ, setup=_campaign, kwargs=_c),
    "evaluation:campaign-discussion": Expect(TABLE_READ, setup=_campaign, kwargs=_c),
    "evaluation:campaign-compare": Expect(TABLE_READ, setup=_campaign, kwargs=_c),
    "evaluation:campaign-export": Expect(TABLE_READ, setup=_campaign, kwargs=_c),
    "evaluation:campaign-group-answer": Expect(COORDINATION, setup=_together, kwargs=_c),
    # The signed link is the credential: anyone holding it may answer.
    "evaluation:external-answer": Expect(everyone(200), setup=_campaign, kwargs=_link),
    # Results a table shared by decision: the link is public by that decision.
    "evaluation:shared-results": Expect(everyone(200), setup=_shared, kwargs=_share_link),
    "api:evaluation-campaigns": Expect(API_READ, auth="bearer", setup=_campaign, kwargs=_t),
    "api:evaluation-campaign-create": Expect(
        statuses(
            anonymous=401,
            observer=403,
            member=403,
            coordinator=409,
            other_coordinator=404,
            platform_admin=409,
        ),
        auth="bearer",
        method="POST",
        kwargs=_t,
    ),
    "api:evaluation-results": Expect(API_READ, auth="bearer", setup=_campaign, kwargs=_c),
    "api:evaluation-comparison": Expect(API_READ, auth="bearer", setup=_campaign, kwargs=_c),
    "api:evaluation-series": Expect(API_READ, auth="bearer", setup=_campaign, kwargs=_c),
}
