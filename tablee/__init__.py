"""Tablée: the workspace of intersectoral concertation tables."""
