"""Speak to a signed-in user in the language kept on their profile."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from msaada.accounts.scopes import profile_of


class ProfileLanguageMiddleware:
    """Activate the profile's language after LocaleMiddleware guessed one from the browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        profile = profile_of(request.user)
        if profile is not None and profile.language:
            translation.activate(profile.language)
            request.LANGUAGE_CODE = profile.language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
