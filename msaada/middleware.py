"""Site-wide response wiring: a request id on every request and its log lines, and the Content-Security-Policy."""

import logging
import secrets
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestIdMiddleware:
    """Give each request an id, sent back as X-Request-ID, so a reported error can be found in the log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.id = secrets.token_hex(8)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Put the id of the request a log record is about (or "-") on the record, for the formatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(getattr(record, "request", None), "id", "-")
        return True


class ContentSecurityPolicyMiddleware:
    """Send a Content-Security-Policy on every response: scripts and styles from the site only, tiles as images.

    The charts are inline SVG whose shapes matplotlib styles with style attributes, so those alone
    are allowed (style-src-attr); <style> elements and every inline script stay refused.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(settings.MSAADA_TILE_URL))
        return response


def content_security_policy(tile_url: str) -> str:
    """Return the policy, with the map tile server's origin allowed for images when there is one."""
    images = ["'self'", "data:"]
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "*"))
        images.append(f"{parts.scheme}://{parts.netloc}")
    directives = {
        "default-src": "'self'",
        "img-src": " ".join(images),
        "script-src": "'self'",
        "style-src": "'self'",
        "style-src-attr": "'unsafe-inline'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())
