"""Domain errors raised by services; views and the API turn them into responses."""

from typing import Any


class DomainError(Exception):
    """A business rule refused the operation. `message` is translated, user-facing."""

    code = "domain_error"

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class InvalidInput(DomainError):
    code = "invalid_input"


class InvalidTransition(DomainError):
    code = "invalid_transition"


class Conflict(DomainError):
    """Someone else changed the record since it was read."""

    code = "conflict"
