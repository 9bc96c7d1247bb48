"""The user's own page (who they are, their role and scope, their language, their API tokens) and the lockout page."""

import hashlib

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from knox.models import AuthToken

from msaada.accounts.forms import LanguageForm
from msaada.accounts.models import Profile, Role
from msaada.accounts.scopes import User, missions, profile_of, role_of
from msaada.core.codes import country_name

RESETS_PER_HOUR = {"address": 5, "ip": 20}
"""How many reset e-mails one address, and one client address, may ask for in an hour."""
TOO_MANY_RESETS = gettext_lazy(
    "Too many new passwords were asked for from here or for this address; try again in an hour."
)


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """Show the user's role and scope; save the language they choose.

    Only a user with a profile has a language to keep; a superuser without one is told so,
    and pages follow their browser's language.
    """
    profile = profile_of(request.user)
    if request.method == "POST":
        if profile is None:
            raise PermissionDenied
        form = LanguageForm(request.POST, instance=profile)
        if form.is_valid():
            return _language_saved(request, form.save())
    else:
        form = None
    return _account_page(request, form)


def _account_page(request: HttpRequest, form: LanguageForm | None, new_token: str = "") -> HttpResponse:
    profile = profile_of(request.user)
    if form is None and profile is not None:
        form = LanguageForm(instance=profile)
    context = {
        "form": form,
        "tokens": AuthToken.objects.filter(user=request.user).order_by("-created"),
        "new_token": new_token,
        **_scope(request.user, profile),
    }
    return render(request, "accounts/account.html", context)


@require_POST
@login_required
def token_create(request: HttpRequest) -> HttpResponse:
    """Make a new API token and show it this once: only its hash is kept (knox), so no one can show it again."""
    _token, text = AuthToken.objects.create(user=request.user)
    response = _account_page(request, None, new_token=text)
    response["Cache-Control"] = "no-store"  # the one page that shows the token is kept by no cache
    return response


@require_POST
@login_required
def token_revoke(request: HttpRequest, key: str) -> HttpResponse:
    """Revoke one of the user's API tokens, named by its first characters; another user's is not found."""
    deleted, _kinds = AuthToken.objects.filter(user=request.user, token_key=key).delete()
    if not deleted:
        raise Http404
    messages.success(request, _("The token is revoked: it opens nothing any more."))
    return redirect("account")


def _scope(user: User, profile: Profile | None) -> dict:
    """Return what the page says about the user's scope, in the users' words."""
    role = role_of(user)
    return {
        "role_label": Role(role).label if role else None,
        "every_mission": role == Role.ADMIN,
        "missions": list(missions(user).order_by("code")),
        "country": profile.country if profile else "",
        "country_name": country_name(profile.country) if profile and profile.country else "",
        "organization": profile.organization if profile else None,
    }


def _language_saved(request: HttpRequest, profile: Profile) -> HttpResponse:
    """Speak the new language from now on, and keep it in Django's cookie too, as its own language switch does."""
    translation.activate(profile.language)
    messages.success(request, _("Your language is saved."))
    response = redirect("account")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        profile.language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """Tell a user locked out by django-axes why, and when to try again (settings.AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    context = {
        "retry_at": timezone.now() + cool_off if cool_off else None,
        "failure_limit": get_failure_limit(request, credentials),
    }
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class RateLimitedPasswordResetView(PasswordResetView):
    """Send a reset e-mail at most RESETS_PER_HOUR times per e-mail address and per client address."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        asked = {
            "address": form.cleaned_data["email"].strip().lower(),
            "ip": self.request.META.get("REMOTE_ADDR", ""),
        }
        keys = {kind: "reset:" + hashlib.sha256(f"{kind}:{text}".encode()).hexdigest() for kind, text in asked.items()}
        if any(cache.get(key, 0) >= RESETS_PER_HOUR[kind] for kind, key in keys.items()):
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        for key in keys.values():
            cache.add(key, 0, timeout=3600)
            cache.incr(key)
        return super().form_valid(form)
