"""How many reported records wait for review: the brief counts none of them, and says how many there are."""

from datetime import date

from django.db.models import Count, Q

from msaada.core.review import ReviewState
from msaada.finance.models import Flow
from msaada.forces.models import Deployment, Pledge
from msaada.missions.models import Mission
from msaada.readiness.rows import Waiting


def waiting_as_of(mission: Mission, as_of: date) -> Waiting:
    """Return the current reported pledges, deployments and flows of the mission dated on or before the date."""
    waiting = Q(archived_at__isnull=True, review_state=ReviewState.REPORTED, date__lte=as_of)
    counts = {
        name: model.objects.filter(mission=mission).aggregate(n=Count("pk", filter=waiting))["n"]
        for name, model in (("pledges", Pledge), ("deployments", Deployment), ("flows", Flow))
    }
    return Waiting(**counts)
