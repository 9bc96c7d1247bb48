"""The page of a server error, in the site's layout and the user's language, naming the request for the log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults


def server_error(request: HttpRequest) -> HttpResponse:
    """Answer 500 with the site's page; Django's plain one when the error also breaks the site's page."""
    try:
        return render(request, "500.html", {"request_id": getattr(request, "id", "")}, status=500)
    except Exception:  # whatever failed the request (the database...) may fail its page too
        return defaults.server_error(request)
