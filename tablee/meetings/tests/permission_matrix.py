"""Expected answers of the meetings' URLs for every role (see tablee/testing/matrix.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tablee.testing.matrix import (
    Expect,
    coordination,
    everyone,
    signed_in,
    statuses,
    table_members,
    table_read,
)

TABLE_READ = table_read()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)
# A POST that redirects back to the meeting page when allowed.
POST_COORDINATION = statuses(
    anonymous=302,
    observer=403,
    member=403,
    coordinator=302,
    other_coordinator=404,
    platform_admin=302,
)


def _meeting(world):
    from tablee.meetings.models import AgendaDocument, Attendance
    from tablee.meetings.tests.factories import (
        AgendaItemFactory,
        DateOptionFactory,
        MeetingFactory,
    )

    meeting = MeetingFactory(table=world.table, status="convened")
    item = AgendaItemFactory(meeting=meeting)
    name = default_storage.save("meetings/matrix.pdf", ContentFile(b"%PDF-1.4 matrix"))
    document = AgendaDocument.objects.create(
        table=world.table,
        item=item,
        file=name,
        original_name="ordre-du-jour.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=world.people["coordinator"],
    )
    Attendance.objects.create(table=world.table, meeting=meeting, person=world.people["member"])
    planning = DateOptionFactory(meeting__table=world.table).meeting
    world.extra.update(meeting=meeting, item=item, document=document, planning=planning)


def _feed(world):
    from tablee.meetings.services import calendar_feed_create

    _meeting(world)
    _feed, raw = calendar_feed_create(actor=world.people["member"], table=world.table)
    world.extra["feed_token"] = raw


def _links(world):
    from tablee.meetings import links

    _meeting(world)
    member = world.people["member"]
    world.extra["availability_token"] = links.make_token(
        salt=links.AVAILABILITY_SALT, meeting_id=world.extra["planning"].pk, person_id=member.pk
    )
    world.extra["reply_token"] = links.make_token(
        salt=links.REPLY_SALT, meeting_id=world.extra["meeting"].pk, person_id=member.pk
    )


def _table(world):
    return {"table_slug": world.table.slug}


def _m(world):
    return {"table_slug": world.table.slug, "meeting_id": world.extra["meeting"].pk}


def _planning(world):
    return {"table_slug": world.table.slug, "meeting_id": world.extra["planning"].pk}


def _item(world):
    return {**_m(world), "item_id": world.extra["item"].pk}


def _doc(world):
    return {**_m(world), "document_id": world.extra["document"].pk}


def _on_meeting(statuses_, kwargs=_m, **extra):
    return Expect(statuses_, kwargs=kwargs, setup=_meeting, **extra)


EXPECTATIONS = {
    "meetings:meeting-list": Expect(TABLE_READ, kwargs=_table),
    "meetings:meeting-create": Expect(COORDINATION, kwargs=_table),
    "meetings:meeting-rules": Expect(COORDINATION, kwargs=_table),
    "meetings:table-calendar": Expect(TABLE_READ, kwargs=_table),
    "meetings:meeting-detail": _on_meeting(TABLE_READ),
    "meetings:meeting-edit": _on_meeting(COORDINATION),
    "meetings:meeting-cancel": _on_meeting(COORDINATION),
    "meetings:meeting-convene": _on_meeting(COORDINATION),
    "meetings:meeting-circulate": _on_meeting(COORDINATION),
    "meetings:meeting-ics": _on_meeting(TABLE_READ),
    "meetings:meeting-dates": _on_meeting(TABLE_READ, kwargs=_planning),
    # Platform admins hold no seat or role: they cannot answer a convocation.
    "meetings:meeting-reply": _on_meeting(
        statuses(
            anonymous=302,
            observer=302,
            member=302,
            coordinator=302,
            other_coordinator=404,
            platform_admin=403,
        ),
        method="POST",
        data=lambda w: {"reply": "present"},
    ),
    "meetings:item-create": _on_meeting(COORDINATION),
    "meetings:item-propose": _on_meeting(table_members()),
    "meetings:item-edit": _on_meeting(COORDINATION, kwargs=_item),
    "meetings:item-remove": _on_meeting(COORDINATION, kwargs=_item),
    "meetings:item-move": _on_meeting(
        POST_COORDINATION, kwargs=_item, method="POST", data=lambda w: {"direction": "down"}
    ),
    "meetings:item-accept": _on_meeting(POST_COORDINATION, kwargs=_item, method="POST"),
    "meetings:document-upload": _on_meeting(COORDINATION, kwargs=_item),
    "meetings:document-download": _on_meeting(TABLE_READ, kwargs=_doc),
    "meetings:document-remove": _on_meeting(COORDINATION, kwargs=_doc),
    "meetings:meeting-attendance": _on_meeting(COORDINATION),
    "meetings:meeting-run": _on_meeting(COORDINATION),
    "meetings:meeting-live": _on_meeting(TABLE_READ),
    # Signed links work for whoever holds them, signed in or not.
    "meetings_public:availability": Expect(
        everyone(200), setup=_links, kwargs=lambda w: {"token": w.extra["availability_token"]}
    ),
    "meetings_public:reply": Expect(
        everyone(200), setup=_links, kwargs=lambda w: {"token": w.extra["reply_token"]}
    ),
    "meetings_public:my-calendar": Expect(signed_in(200)),
    "meetings_public:feed": Expect(
        everyone(200), setup=_feed, kwargs=lambda w: {"token": w.extra["feed_token"]}
    ),
    "api:meeting-list": Expect(API_READ, kwargs=_table, auth="bearer"),
    "api:meeting-detail": _on_meeting(API_READ, auth="bearer"),
    # The body is checked before the handler: an empty (non-JSON) body is refused (422)
    # for everyone signed in. Roles are tested in test_api.py with real JSON.
    "api:meeting-create": Expect(
        statuses(
            anonymous=401,
            observer=422,
            member=422,
            coordinator=422,
            other_coordinator=422,
            platform_admin=422,
        ),
        kwargs=_table,
        auth="bearer",
        method="POST",
    ),
    "api:meeting-update": _on_meeting(
        statuses(
            anonymous=401,
            observer=422,
            member=422,
            coordinator=422,
            other_coordinator=422,
            platform_admin=422,
        ),
        auth="bearer",
        method="PATCH",
    ),
}
