"""What every page needs to know about the signed-in user: role and missions."""

from django.http import HttpRequest

from msaada.accounts.scopes import may_import, missions, role_of


def scope(request: HttpRequest) -> dict:
    """Add the user's role and the missions they may see (lazily: pages that do not use them pay nothing)."""
    return {
        "role": role_of(request.user),
        "may_import": may_import(request.user),
        "my_missions": lambda: list(missions(request.user).order_by("code")),
    }
