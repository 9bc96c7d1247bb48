"""The user's own page: who they are, their role and scope, their language."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Show the user's role and scope."""
    return render(request, "accounts/account.html")
