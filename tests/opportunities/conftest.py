"""Fixtures of the calendar tests."""

from .rfc5545 import needs_libical  # noqa: F401 - a fixture, used by name
