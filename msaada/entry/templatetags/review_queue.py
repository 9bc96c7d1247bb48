"""The navigation's link to the review queue, with how many records wait, for those who review."""

from django import template

from msaada.entry.review import waiting_count
from msaada.missions.models import Mission

register = template.Library()


@register.inclusion_tag("entry/review_link.html", takes_context=True)
def review_link(context: template.Context, mission: Mission) -> dict[str, object]:
    """Render the link to the mission's review queue when the signed-in user reviews any kind of record."""
    return {"mission": mission, "count": waiting_count(context["request"].user, mission)}
