"""API operations of portrait and diagnostic of the territory, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["portrait"])
