"""The fixtures of the plans' tests: a mission already imported, and the data-entry world with a plan."""

from tests.entry.conftest import client_of, user_of, world
from tests.exchange.conftest import base

__all__ = ["base", "client_of", "user_of", "world"]
