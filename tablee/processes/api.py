"""API operations of collective processes and their stages, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["processes"])
