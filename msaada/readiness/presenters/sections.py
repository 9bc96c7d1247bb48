"""The brief for people, as titled sections of lines and tables that the text and Markdown renderings share."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msaada.missions.models import EventType, SiteKind, SiteStatusValue
from msaada.readiness.figures import Brief, Risk
from msaada.readiness.formats import count_text, country_text, day_text, money_text, tenths_text
from msaada.readiness.presenters.trust import claim_lines, mark, mark_risk
from msaada.readiness.risk_messages import risk_evidence
from msaada.readiness.rows import SourceRow


@dataclass(frozen=True)
class Table:
    """Rows of text under headers; the columns listed in `numeric` align right."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    """A titled part of the brief: lines of text, then a table or a numbered list."""

    title: str
    lines: tuple[str, ...] = ()
    table: Table | None = None
    numbered: tuple[str, ...] = ()


def heading(brief: Brief) -> str:
    """Return the brief's title line."""
    return _("%(code)s: %(name)s. Brief as of %(day)s, figures in %(currency)s") % {
        "code": brief.mission,
        "name": brief.mission_name,
        "day": day_text(brief.as_of),
        "currency": brief.currency,
    }


def sections(brief: Brief) -> list[Section]:
    """Return the brief's sections in reading order."""
    return [
        _mandate(brief),
        _strength(brief),
        _funding(brief),
        _life_support(brief),
        _sites(brief),
        _equipment(brief),
        _capacity(brief),
        _incidents(brief),
        *_waiting(brief),
        _risks(brief),
        _claims(brief),
        _sources(brief),
    ]


def _waiting(brief: Brief) -> list[Section]:
    lines = waiting_lines(brief)
    return [Section(_("Waiting for review"), lines)] if lines else []


def waiting_lines(brief: Brief) -> tuple[str, ...]:
    """Say, per kind, how many reported records wait for review: the figures leave them out (none: no line)."""
    waiting = brief.waiting
    counts = (
        ngettext("%(count)s pledge", "%(count)s pledges", waiting.pledges),
        ngettext("%(count)s deployment", "%(count)s deployments", waiting.deployments),
        ngettext("%(count)s flow", "%(count)s flows", waiting.flows),
    )
    return tuple(
        _("%(records)s reported, waiting for an officer's review: not counted in the figures.")
        % {"records": text % {"count": count_text(count)}}
        for text, count in zip(counts, (waiting.pledges, waiting.deployments, waiting.flows), strict=True)
        if count
    )


def _mandate(brief: Brief) -> Section:
    mandate = brief.mandate
    if mandate is None:
        return Section(_("Mandate"), (_("No mandate started on or before %(day)s.") % {"day": day_text(brief.as_of)},))
    state = _("active") if mandate.active else _("ended")
    days = abs(mandate.days_left)
    if mandate.days_left >= 0:
        left = ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
    else:
        left = ngettext("ended %(days)d day ago", "ended %(days)d days ago", days) % {"days": days}
    return Section(
        _("Mandate"),
        (
            _("%(authority)s, %(start)s – %(end)s (%(state)s): %(days)s. Authorized strength %(strength)s.")
            % {
                "authority": mandate.authority,
                "start": day_text(mandate.start),
                "end": mark(brief, "mandate.end", day_text(mandate.end)),
                "state": state,
                "days": mark(brief, "mandate.days_left", left),
                "strength": mark(brief, "mandate.authorized_strength", count_text(mandate.authorized_strength)),
            },
        ),
    )


def _strength(brief: Brief) -> Section:
    strength = brief.strength
    figures = {
        "deployed": mark(brief, "strength.deployed", count_text(strength.deployed)),
        "pledged": mark(brief, "strength.pledged", count_text(strength.pledged)),
    }
    if strength.deployed_pct is None:
        summary = _("%(deployed)s deployed, %(pledged)s pledged, no authorized strength.") % figures
    else:
        summary = _("%(deployed)s deployed of %(authorized)s authorized (%(pct)s %%), %(pledged)s pledged.") % {
            **figures,
            "authorized": mark(brief, "strength.authorized", count_text(strength.authorized or 0)),
            "pct": mark(brief, "strength.deployed_pct", tenths_text(strength.deployed_pct)),
        }
    rows = tuple(
        (
            f"{country_text(row.contributor)} ({row.contributor})",
            mark(brief, f"strength.by_contributor.{row.contributor}.deployed", count_text(row.deployed)),
            mark(brief, f"strength.by_contributor.{row.contributor}.pledged", count_text(row.pledged)),
        )
        for row in strength.by_contributor
    )
    total = (_("Total"), figures["deployed"], figures["pledged"])
    return Section(
        _("Strength"),
        (summary,),
        Table((_("Contributor"), _("Deployed"), _("Pledged")), (*rows, total), numeric=(1, 2)),
    )


def _funding(brief: Brief) -> Section:
    funding, currency = brief.funding, brief.currency
    figures = (
        (_("Pledged"), "pledged"),
        (_("Committed"), "committed"),
        (_("Paid"), "paid"),
        (_("Spent"), "spent"),
        (_("Cash"), "cash"),
        (_("Unpaid commitments"), "unpaid_commitments"),
        (_("Daily burn (last 90 days)"), "daily_burn"),
        (_("Gap to the mandate's end"), "gap_to_mandate_end"),
    )
    if funding.runway_days is None or funding.runway_end is None:
        runway = _("Runway: no spending in the last 90 days.")
    else:
        runway = _("Runway: %(days)s days, to %(end)s.") % {
            "days": count_text(funding.runway_days),
            "end": mark(brief, "funding.runway_end", day_text(funding.runway_end)),
        }
    return Section(
        _("Funding"),
        (runway,),
        Table(
            (_("Figure"), _("Amount")),
            tuple(
                (name, mark(brief, f"funding.{key}", money_text(getattr(funding, key), currency)))
                for name, key in figures
            ),
            numeric=(1,),
        ),
    )


def _life_support(brief: Brief) -> Section:
    rows = tuple(
        (
            line.service_line,
            mark(
                brief,
                f"life_support.{line.service_line}.covered_until",
                _("not covered") if line.covered_until is None else day_text(line.covered_until),
            ),
            "–"
            if line.gap_days_before_mandate_end is None
            else mark(
                brief,
                f"life_support.{line.service_line}.gap_days_before_mandate_end",
                count_text(line.gap_days_before_mandate_end),
            ),
        )
        for line in brief.life_support
    )
    lines = () if rows else (_("No service line has a contract."),)
    table = Table((_("Service line"), _("Covered until"), _("Days uncovered before the mandate's end")), rows, (2,))
    return Section(_("Life support"), lines, table if rows else None)


def _sites(brief: Brief) -> Section:
    rows = tuple(
        (
            site.name,
            str(SiteKind(site.kind).label),
            mark(
                brief,
                f"sites.{site.name}.status",
                _("unknown") if site.status is None else str(SiteStatusValue(site.status).label),
            ),
            "–" if site.since is None else day_text(site.since),
        )
        for site in brief.sites
    )
    table = Table((_("Site"), _("Kind"), _("Status"), _("Since")), rows)
    return Section(_("Sites"), () if rows else (_("No sites on record."),), table if rows else None)


def _equipment(brief: Brief) -> Section:
    rows = tuple(
        (
            kind.kind,
            mark(brief, f"equipment.{kind.kind}.total", count_text(kind.total)),
            mark(brief, f"equipment.{kind.kind}.operational", count_text(kind.operational)),
            "–"
            if kind.operational_pct is None
            else mark(brief, f"equipment.{kind.kind}.operational_pct", f"{tenths_text(kind.operational_pct)} %"),
        )
        for kind in brief.ground.equipment
    )
    table = Table((_("Kind"), _("Total"), _("Operational"), _("Operational %")), rows, numeric=(1, 2, 3))
    return Section(_("Equipment"), () if rows else (_("No equipment on record."),), table if rows else None)


def _capacity(brief: Brief) -> Section:
    strength = brief.strength
    authorized = "–" if strength.authorized is None else count_text(strength.authorized)
    rows = tuple(
        (
            line.service_line,
            _("not capacity-bound")
            if line.capacity is None
            else mark(brief, f"life_support.{line.service_line}.capacity", count_text(line.capacity)),
            count_text(strength.deployed),
            authorized,
        )
        for line in brief.ground.capacity
    )
    table = Table((_("Service line"), _("Capacity (people)"), _("Deployed"), _("Authorized")), rows, (1, 2, 3))
    return Section(_("Capacity"), () if rows else (_("No service line has a contract."),), table if rows else None)


def _event_type(value: str) -> str:
    return str(EventType(value).label) if value in EventType.values else value


def _incidents(brief: Brief) -> Section:
    incidents = brief.ground.incidents
    if incidents is None:
        return Section(_("Incidents"), (_("No incidents read."),))
    summary = ngettext(
        "%(count)s incident and %(fatalities)s fatalities from %(start)s to %(end)s.",
        "%(count)s incidents and %(fatalities)s fatalities from %(start)s to %(end)s.",
        incidents.count,
    ) % {
        "count": mark(brief, "incidents.count", count_text(incidents.count)),
        "fatalities": mark(brief, "incidents.fatalities", count_text(incidents.fatalities)),
        "start": day_text(incidents.window_start),
        "end": day_text(brief.as_of),
    }
    near = tuple(
        _("%(site)s: %(count)s within 2 km.")
        % {"site": row.site, "count": mark(brief, f"sites.{row.site}.incidents_nearby", count_text(row.nearby))}
        for row in brief.ground.sites
        if row.nearby
    )
    rows = tuple(
        (
            _event_type(row.event_type),
            mark(brief, f"incidents.by_event_type.{row.event_type}.count", count_text(row.count)),
            mark(brief, f"incidents.by_event_type.{row.event_type}.fatalities", count_text(row.fatalities)),
        )
        for row in incidents.by_event_type
    )
    table = Table((_("Event type"), _("Incidents"), _("Fatalities")), rows, numeric=(1, 2))
    return Section(_("Incidents"), (summary, *near), table if rows else None)


def _risks(brief: Brief) -> Section:
    rows = tuple(
        (risk.severity, risk.code, mark_risk(brief, risk, risk.message), evidence_text(risk, brief.currency))
        for risk in brief.risks
    )
    table = Table((_("Severity"), _("Risk"), _("What"), _("Evidence")), rows)
    return Section(_("Risks"), () if rows else (_("No risks found."),), table if rows else None)


def evidence_text(risk: Risk, currency: str) -> str:
    """Return a risk's evidence on one line, each figure named: `Cash: USD 400.00; Runway (days): 5`."""
    # Translators: between two figures of a risk's evidence on one line.
    return _("; ").join(
        _("%(name)s: %(value)s") % {"name": name, "value": value}
        for name, value in risk_evidence(risk.code, risk.evidence, currency)
    )


def source_line(source: SourceRow) -> str:
    """Return a source as a reference line; an illustrative one says it is not from a source."""
    details = [part for part in (source.publisher, source.date and day_text(source.date)) if part]
    kind = _("illustrative: not from a source") if source.illustrative else source.kind
    described = f"{source.title}. {', '.join(details)}" if details else source.title
    address = f" <{source.url}>" if source.url else ""
    return f"[{source.key}] {described}{address} ({kind})"


def _claims(brief: Brief) -> Section:
    numbered = claim_lines(brief)
    lines = (
        (_("‡ marks a figure another source gives differently:"),)
        if numbered
        else (_("No other source gives a figure of this brief differently."),)
    )
    return Section(_("What other sources say"), lines, numbered=numbered)


def _sources(brief: Brief) -> Section:
    numbered = tuple(source_line(source) for source in brief.sources)
    return Section(_("Sources"), () if numbered else (_("No sources cited."),), numbered=numbered)
