"""Errors as RFC 9457 problem details (application/problem+json), naming the field and, in a bulk write, the row.

Every refusal of the API reads the same way: `title` and `status`, a `detail` in the caller's language,
and for a refused write `errors`, one per problem: the row's index (bulk writes only), the field and the
problem in the words of the form and the import.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_JSON = "application/problem+json"
NON_FIELD = "__all__"


class Refused(exceptions.APIException):
    """A write refused by the checks of the form or the gate: each problem with its field and, in bulk, its row."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, errors: list[dict[str, Any]]):
        super().__init__(_("The write was refused: nothing was written."))
        self.errors = errors


def field_errors(error: ValidationError | dict[str, list[str]], row: int | None = None) -> list[dict[str, Any]]:
    """Return a refusal as problem entries: one per message, with its field (empty for the record as a whole)."""
    by_field = error if isinstance(error, dict) else _message_dict(error)
    entries = []
    for field, messages in by_field.items():
        for message in messages:
            entry: dict[str, Any] = {"field": "" if field == NON_FIELD else field, "problem": str(message)}
            if row is not None:
                entry = {"row": row, **entry}
            entries.append(entry)
    return entries


def _message_dict(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {NON_FIELD: error.messages}


def problem_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Answer every error of the API as problem details; a 404 says only that nothing is there."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _title(response.status_code),
        "status": response.status_code,
    }
    if isinstance(exc, Refused):
        body["detail"], body["errors"] = str(exc.detail), exc.errors
    elif isinstance(exc, exceptions.ValidationError):
        body["detail"] = _("The request is not valid.")
        body["errors"] = _drf_errors(exc.detail)
    else:
        body["detail"] = str(exc.detail) if isinstance(exc, exceptions.APIException) else str(exc)
    response.data = body
    response.content_type = PROBLEM_JSON
    return response


def _drf_errors(detail: Any, field: str = "") -> list[dict[str, Any]]:
    """Flatten DRF's nested errors (a query parameter, a body that is not an object) to field and problem."""
    if isinstance(detail, dict):
        return [entry for name, inner in detail.items() for entry in _drf_errors(inner, name)]
    if isinstance(detail, list):
        return [entry for inner in detail for entry in _drf_errors(inner, field)]
    return [{"field": "" if field == "non_field_errors" else field, "problem": str(detail)}]


def _title(code: int) -> str:
    titles = {
        400: _("Bad request"),
        401: _("Not signed in"),
        403: _("Forbidden"),
        404: _("Not found"),
        405: _("Method not allowed"),
        409: _("Conflict"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }
    return titles.get(code, _("Error"))
