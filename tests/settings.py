"""Settings for the test suite: the project's, with a throwaway var/ folder and plain static files.

pytest-django imports the settings before any conftest runs, so this is where the test
environment is set.
"""

import os
import tempfile

os.environ.setdefault("MSAADA_VAR_DIR", tempfile.mkdtemp(prefix="msaada-test-var-"))
os.environ["MSAADA_TESTING"] = "1"

from msaada.settings import *  # noqa: F403

# The real hasher's slowness defends stolen hashes and costs seconds per login in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Background tasks run at once, in the request that queues them; one test runs the database worker itself.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The project's cache is the database (shared by every app server); the suite's is each process's memory,
# which every test empties, including tests that use no database.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
