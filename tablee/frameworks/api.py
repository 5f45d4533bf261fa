"""API operations of frameworks, obstacles and levers, mounted in tablee/api/api.py."""

from ninja import Router

router = Router(tags=["frameworks"])
