"""API operations of vision and priorities, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["priorities"])
