"""The mission dashboard: the brief as of a date, for every role that may see the mission."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msaada.accounts.scopes import mission_or_404


@login_required
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    """Show the mission at a glance."""
    mission = mission_or_404(request.user, code)
    return render(request, "readiness/dashboard.html", {"mission": mission})
