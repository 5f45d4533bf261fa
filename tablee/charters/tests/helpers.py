from tablee.core.models import AuditEntry


def assert_one_audit(event: str) -> AuditEntry:
    entries = list(AuditEntry.objects.all())
    assert len(entries) == 1, [e.event for e in entries]
    assert entries[0].event == event
    return entries[0]
