"""The suite's environment is set in tests/settings.py, which pytest-django imports before any conftest."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.utils import translation

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Start every test with an empty cache, so rate limits counted by one test never reach another."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """End every test in the default language: a page that switched language leaves it active in this thread."""
    yield
    translation.deactivate()
