"""The data-entry world and its users, for the tests that send records through every way in."""

from tests.entry.conftest import client_of, user_of, world  # noqa: F401 - fixtures shared with tests/entry
