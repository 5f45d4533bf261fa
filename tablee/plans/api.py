"""API operations of action plans, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["plans"])
