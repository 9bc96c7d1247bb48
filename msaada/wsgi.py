"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msaada.settings")
application = get_wsgi_application()

# The command line stays quick by importing matplotlib only when a chart is drawn; a web
# server pays that second once, at start-up, rather than on someone's first dashboard.
import matplotlib.figure  # noqa: E402, F401
