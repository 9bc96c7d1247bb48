"""The suite's environment is set in tests/settings.py, which pytest-django imports before any conftest."""

pytest_plugins = ["tests.browser"]
