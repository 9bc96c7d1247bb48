"""Say so on the next page when a user has logged out, whichever page they logged out from."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext as _


@receiver(user_logged_out)
def say_logged_out(sender: type, request: HttpRequest | None, **kwargs) -> None:
    """Leave a message for the login page the user is sent to (LOGOUT_REDIRECT_URL)."""
    # The test client logs out with a bare request that has no message store: nothing to say there.
    if request is not None:
        messages.info(request, _("You are logged out."), fail_silently=True)
