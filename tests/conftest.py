"""The suite's environment is set in tests/settings.py, which pytest-django imports before any conftest."""

import pytest
from django.core.cache import cache

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Start every test with an empty cache, so rate limits counted by one test never reach another."""
    cache.clear()
