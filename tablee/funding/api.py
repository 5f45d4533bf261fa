"""API operations of resources and funding, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["funding"])
