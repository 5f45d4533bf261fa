"""Frameworks, obstacles and levers."""
