"""The environment of a command run in a fresh process, as a person's shell would give it."""

import os

# What this test run set for itself, that a person running `msaada` would not have.
RUN_ONLY = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


def command_env(**settings: str) -> dict[str, str]:
    """Return this process's environment without the test run's own settings, plus `settings`."""
    env = {name: value for name, value in os.environ.items() if name not in RUN_ONLY and not name.startswith("MSAADA_")}
    return env | settings
