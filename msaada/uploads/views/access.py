"""Who may reach the import pages: the support office, for the missions they may see."""

from django.http import Http404, HttpRequest

from msaada.accounts.scopes import may_import, mission_or_404
from msaada.missions.models import Mission


def import_access(request: HttpRequest, code: str) -> Mission:
    """Return the mission if the user may import into it; otherwise answer 404, as if the page did not exist."""
    mission = mission_or_404(request.user, code)
    if not may_import(request.user):
        raise Http404
    return mission
