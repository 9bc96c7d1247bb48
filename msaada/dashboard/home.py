"""The home page: the missions the signed-in user may see."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msaada.accounts.scopes import missions


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """List the user's missions, each linking to its dashboard."""
    return render(request, "dashboard/home.html", {"missions": missions(request.user).order_by("code")})
