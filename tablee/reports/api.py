"""API operations of plan reports, exports and imports, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["reports"])
