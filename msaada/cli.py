"""The `msaada` console script: Django's management commands under one name."""

import os
import sys


def main() -> None:
    """Run a management command: `msaada import ...` is `manage.py import ...`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msaada.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["msaada", *sys.argv[1:]])
