"""Dates typed and shown in the user's chosen language, not the browser's: 31/12/2025 in French, ISO always.

A browser's date picker writes and reads dates in the browser's own locale, whatever language the
user chose here; a text field read with the language's formats (Django's, ISO added) says what it
expects and shows a date back as the user writes it.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

ISO = "%Y-%m-%d"
EXAMPLE = date(2025, 12, 31)


def shown_format() -> str:
    """Return the strftime format dates are shown in for the active language: `%d/%m/%Y`, `%Y-%m-%d`."""
    return formats.get_format("DATE_INPUT_FORMATS")[0]


def pattern_text(form: str) -> str:
    """Name a format as people read it in the active language: `DD/MM/YYYY`, `JJ/MM/AAAA`."""
    for code, name in (("%d", _("DD")), ("%m", _("MM")), ("%Y", _("YYYY")), ("%y", _("YY"))):
        form = form.replace(code, name)
    return form


def expected_text() -> str:
    """Say how the active language writes a date: the format, an example, and ISO when it is another."""
    shown = shown_format()
    named = {"pattern": pattern_text(shown), "example": EXAMPLE.strftime(shown), "iso": pattern_text(ISO)}
    if shown == ISO:
        return _("Enter a date as %(pattern)s, for example %(example)s.") % named
    return _("Enter a date as %(pattern)s, for example %(example)s, or as %(iso)s.") % named


class DateText(forms.DateInput):
    """A date typed as text, shown in the active language's format, with that format as its placeholder."""

    input_type = "text"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", pattern_text(shown_format()))
        return context


class LanguageDateField(forms.DateField):
    """A date in the user's language (`31/12/2025` in French and Spanish, the usual English forms), ISO always."""

    widget = DateText

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(localize=True, **kwargs)

    def to_python(self, value: Any) -> date | None:
        try:
            return super().to_python(value)
        except ValidationError as invalid:
            if invalid.code != "invalid":
                raise
            raise ValidationError(expected_text(), code="invalid") from None
