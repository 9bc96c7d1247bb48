"""Answer a write that found the database held by a long import with a clear 503, not a server error."""

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

BUSY_RETRY_SECONDS = 30


def database_busy(error: Exception) -> bool:
    """Whether a database error means another writer (an import) holds the lock, rather than a fault."""
    return isinstance(error, OperationalError) and "database is locked" in str(error).lower()


class DatabaseBusyMiddleware:
    """SQLite lets one writer at a time; a write that waited out the busy timeout is told to try again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_busy(exception):
            return None
        # A page of its own, as the request's page would have been; it names no record, so any user may read it.
        response = HttpResponse(render_to_string("busy.html", request=request), status=503)
        response["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response
