"""A mission already imported (tests/exchange/files.py's BASE), for the plan's files to import into."""

from tests.exchange.conftest import base

__all__ = ["base"]
