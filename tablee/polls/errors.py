"""Refusals specific to polls."""

from tablee.core.errors import Conflict


class BallotAlreadyCast(Conflict):
    """This person, or this seat, has already voted in the poll."""

    code = "ballot_already_cast"
