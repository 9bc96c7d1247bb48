"""The mission dashboard: the brief as of a date, with charts, a map and the risks, for every role that may see it.

The dashboard shows aggregates, which every role sees for its missions (DESIGN.md), so
once the mission is found through the user's scope its figures are read for the whole
mission, as the brief reads them. The as-of date lives in the URL, so a view can be shared.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msaada.accounts.scopes import may_keep, mission_or_404, sees_every_record
from msaada.core.dates import DateText, LanguageDateField
from msaada.dashboard import charts, series
from msaada.dashboard.drilldown import figure_links
from msaada.finance.models import FxRate
from msaada.finance.money import MissingRateError
from msaada.missions.models import Mission
from msaada.readiness import ground, weekly
from msaada.readiness.brief import build_brief
from msaada.readiness.figures import Brief, Risk
from msaada.readiness.formats import day_text
from msaada.readiness.presenters.sections import waiting_lines
from msaada.readiness.risks import SEVERITY_ORDER
from msaada.readiness.rows import SiteRow

# Dates outside these years are typing slips; the 90-day burn window must stay in the calendar.
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
CHART_NAMES = ("strength", "funding", "coverage", "incidents")


class AsOfForm(forms.Form):
    """The date the dashboard shows the mission as of, kept in the URL."""

    as_of = LanguageDateField(
        label=gettext_lazy("As of"),
        required=False,
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
        widget=DateText(attrs={"aria-describedby": "as-of-note"}),
    )


@dataclass(frozen=True)
class Drawing:
    """A chart: its name in the URL, its caption, the figures it draws (shown as a table too) and its SVG."""

    name: str
    caption: str
    figures: Any
    svg: str | None

    @property
    def inline_svg(self) -> SafeString:
        """The SVG to write into the page; matplotlib escapes every text it writes, so it is safe markup."""
        return mark_safe(charts.inline(self.svg, self.name, f"{self.name}-caption"))  # noqa: S308


@dataclass(frozen=True)
class SitePlace:
    """A site of the brief with its position for the map, written as plain decimals, and the incidents near it."""

    site: SiteRow
    latitude: str | None
    longitude: str | None
    nearby: int


def read_as_of(request: HttpRequest) -> tuple[AsOfForm, date]:
    """Return the date form and the date it asks for; today when none is asked or the date is not valid."""
    today = timezone.localdate()
    form = AsOfForm(request.GET if "as_of" in request.GET else None, initial={"as_of": today})
    as_of = form.cleaned_data["as_of"] if form.is_bound and form.is_valid() else None
    return form, as_of or today


def drawing(name: str, mission: Mission, brief: Brief) -> Drawing:
    """Compute a chart's figures as of the brief's date and draw it."""
    if name == "strength":
        caption = _(
            "Personnel deployed at the end of each month, by contributor, against the authorized strength "
            "and the personnel pledged"
        )
        figures = series.grouped(series.strength_series(mission, brief.as_of))
        return Drawing(name, caption, figures, charts.strength_chart(figures, caption))
    if name == "incidents":
        caption = _("Incidents and fatalities week by week, over the 12 weeks ending on %(day)s") % {
            "day": day_text(brief.as_of)
        }
        weeks = weekly.incident_weeks(mission, brief.as_of)
        return Drawing(name, caption, weeks, charts.incidents_chart(weeks, caption))
    if name == "funding":
        caption = _("Money pledged, committed, paid and spent up to the end of each month, in %(currency)s") % {
            "currency": brief.currency
        }
        figures = series.funding_series(mission, brief.as_of)
        return Drawing(name, caption, figures, charts.funding_chart(figures, caption))
    caption = _("Life-support coverage by contracts, per service line, with the as-of date and the mandate's end")
    figures = series.coverage_runs(mission)
    mandate_end = None if brief.mandate is None else brief.mandate.end
    return Drawing(name, caption, figures, charts.coverage_chart(figures, brief.as_of, mandate_end, caption))


def worst_severity(risks: tuple[Risk, ...], code: str) -> str | None:
    """Return the highest severity among the risks of a code, or None when there is none."""
    severities = [risk.severity for risk in risks if risk.code == code]
    return min(severities, key=SEVERITY_ORDER.__getitem__, default=None)


def site_places(mission: Mission, brief: Brief) -> list[SitePlace]:
    """Return the brief's sites with their positions and the window's incidents within 2 km."""
    positions = series.site_positions(mission)
    nearby = {row.site: row.nearby for row in brief.ground.sites}
    places = []
    for site in brief.sites:
        latitude, longitude = positions.get(site.name, (None, None))
        text = (None if latitude is None else str(latitude), None if longitude is None else str(longitude))
        places.append(SitePlace(site, *text, nearby.get(site.name, 0)))
    return places


def dashboard_figures(mission: Mission, as_of: date) -> dict[str, Any]:
    """Return everything the dashboard shows as of the date: a bounded number of queries whatever the data size.

    Raise MissingRateError when an amount has no exchange rate on or before its date.
    """
    brief = build_brief(mission, as_of)
    drawings = {name: drawing(name, mission, brief) for name in CHART_NAMES}
    places = site_places(mission, brief)
    return {
        "brief": brief,
        "drawings": drawings,
        "sites": places,
        "map_tiles": settings.MSAADA_TILE_URL if any(place.latitude for place in places) else "",
        "severity": {
            code: worst_severity(brief.risks, code)
            for code in ("STRENGTH_GAP", "MANDATE_EXPIRY", "FUNDING_RUNWAY", "SERVICE_GAP", "EQUIPMENT_SHORT")
        },
        "lines_at_risk": sum(1 for risk in brief.risks if risk.code == "SERVICE_GAP"),
        "kinds_short": sum(1 for risk in brief.risks if risk.code == "EQUIPMENT_SHORT"),
        "incidents": ground.incident_rows(mission, as_of),
        "waiting_lines": waiting_lines(brief),
    }


@login_required
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    """Show the mission at a glance as of the date in the URL (today by default)."""
    mission = mission_or_404(request.user, code)
    form, as_of = read_as_of(request)
    typed = request.GET.get("as_of", "")
    if typed and form.is_valid() and typed != as_of.isoformat():
        # The URL is shared across languages: it keeps the date as ISO, which every language reads alike.
        query = request.GET.copy()
        query["as_of"] = as_of.isoformat()
        return redirect(f"{request.path}?{query.urlencode()}")
    context = {
        "mission": mission,
        "form": form,
        "as_of": as_of,
        "today": timezone.localdate(),
        "tile_attribution": settings.MSAADA_TILE_ATTRIBUTION,
    }
    try:
        context.update(dashboard_figures(mission, as_of))
        if sees_every_record(request.user):
            context["links"] = figure_links(mission, context["brief"])
    except MissingRateError as error:
        context["error"] = str(error)
        # The notice links to adding the rate for whoever may, and names who may for the others.
        context.update(missing_rates=[error], may_add_rate=may_keep(request.user, FxRate))
    return render(request, "dashboard/dashboard.html", context)


@login_required
def chart(request: HttpRequest, code: str, name: str) -> HttpResponse:
    """Serve one of the dashboard's charts as a standalone SVG, as of the date in the URL, to save or share."""
    mission = mission_or_404(request.user, code)
    if name not in CHART_NAMES:
        raise Http404
    _form, as_of = read_as_of(request)
    try:
        drawn = drawing(name, mission, build_brief(mission, as_of))
    except MissingRateError as error:
        return HttpResponse(str(error), status=409, content_type="text/plain; charset=utf-8")
    if drawn.svg is None:
        raise Http404
    return HttpResponse(drawn.svg, content_type="image/svg+xml; charset=utf-8")
