"""What every page needs to know about the signed-in user: role and missions."""

from django.http import HttpRequest

from msaada.accounts.scopes import SUPPORT_OFFICE, missions, role_of


def scope(request: HttpRequest) -> dict:
    """Add the user's role and the missions they may see (lazily: pages that do not use them pay nothing)."""
    return {
        "role": role_of(request.user),
        "support_roles": SUPPORT_OFFICE,
        "my_missions": lambda: list(missions(request.user).order_by("code")),
    }
