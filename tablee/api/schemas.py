"""Shapes shared by every router of the API."""

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str
    extra: dict[str, Any] = {}
