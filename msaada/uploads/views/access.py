"""Who may reach the import pages: the support office, for the missions they may see."""

from django.http import Http404, HttpRequest

from msaada.accounts.scopes import SUPPORT_OFFICE, mission_or_404, role_of
from msaada.missions.models import Mission


def import_access(request: HttpRequest, code: str) -> Mission:
    """Return the mission if the user may import into it; otherwise answer 404, as if the page did not exist.

    Liaisons and donors keep a few records through the forms only: an import may touch many of
    their neighbours' rows at once, so it is left to the support office.
    """
    mission = mission_or_404(request.user, code)
    if role_of(request.user) not in SUPPORT_OFFICE:
        raise Http404
    return mission
