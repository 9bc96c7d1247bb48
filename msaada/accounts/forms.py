"""The forms of the user's own page."""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from msaada.accounts.models import Profile


def languages_by_own_name() -> list[tuple[str, str]]:
    """Return each language under its own name ("Français"), so it can be found whatever the page's language."""
    return [(code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES]


class LanguageForm(forms.ModelForm):
    """The language every page speaks to this user in."""

    class Meta:
        model = Profile
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages_by_own_name()
