"""The rules that turn a brief into risks: what breaks next, how badly, and the figures that show it."""

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msaada.missions.models import SiteStatusValue
from msaada.readiness.figures import Brief, Risk
from msaada.readiness.formats import count_text, country_text, day_text, iso, money_text, money_value, tenths_text

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}


def assess(brief: Brief) -> tuple[Risk, ...]:
    """Return every risk the brief shows, by severity (high first), then code, then subject."""
    rules = (mandate_expiry, strength_gap, pledge_shortfall, funding_runway, unpaid_pledges, service_gap, site_lost)
    risks = [risk for rule in rules for risk in rule(brief)]
    return tuple(sorted(risks, key=lambda risk: (SEVERITY_ORDER[risk.severity], risk.code, risk.subject or "")))


def mandate_expiry(brief: Brief) -> Iterator[Risk]:
    """Flag a mandate that ends within 90 days (medium) or 30 days or has ended (high)."""
    mandate = brief.mandate
    if mandate is None or mandate.days_left > 90:
        return
    days = abs(mandate.days_left)
    if mandate.days_left >= 0:
        message = ngettext(
            "%(authority)s ends on %(end)s: %(days)d day left",
            "%(authority)s ends on %(end)s: %(days)d days left",
            days,
        )
    else:
        message = ngettext(
            "%(authority)s ended on %(end)s, %(days)d day ago, and no mandate covers %(as_of)s",
            "%(authority)s ended on %(end)s, %(days)d days ago, and no mandate covers %(as_of)s",
            days,
        )
    yield Risk(
        "MANDATE_EXPIRY",
        HIGH if mandate.days_left <= 30 else MEDIUM,
        message
        % {"authority": mandate.authority, "end": day_text(mandate.end), "days": days, "as_of": day_text(brief.as_of)},
        evidence={"authority": mandate.authority, "end": iso(mandate.end), "days_left": mandate.days_left},
    )


def strength_gap(brief: Brief) -> Iterator[Risk]:
    """Flag a force under 80 % (medium) or 50 % (high) of the authorized strength, as published."""
    strength = brief.strength
    if brief.mandate is None or strength.deployed_pct is None or strength.deployed_pct >= 80:
        return
    yield Risk(
        "STRENGTH_GAP",
        HIGH if strength.deployed_pct < 50 else MEDIUM,
        _("%(deployed)s deployed of %(authorized)s authorized (%(pct)s %%)")
        % {
            "deployed": count_text(strength.deployed),
            "authorized": count_text(strength.authorized or 0),
            "pct": tenths_text(strength.deployed_pct),
        },
        evidence={
            "deployed": strength.deployed,
            "authorized": strength.authorized,
            "deployed_pct": float(strength.deployed_pct),
        },
    )


def pledge_shortfall(brief: Brief) -> Iterator[Risk]:
    """Flag each contributor with fewer deployed than pledged: medium when under half, else low."""
    for row in brief.strength.by_contributor:
        if row.deployed >= row.pledged:
            continue
        yield Risk(
            "PLEDGE_SHORTFALL",
            MEDIUM if row.deployed * 2 < row.pledged else LOW,
            _("%(country)s: %(deployed)s deployed of %(pledged)s pledged")
            % {
                "country": country_text(row.contributor),
                "deployed": count_text(row.deployed),
                "pledged": count_text(row.pledged),
            },
            subject=row.contributor,
            evidence={"contributor": row.contributor, "deployed": row.deployed, "pledged": row.pledged},
        )


def funding_runway(brief: Brief) -> Iterator[Risk]:
    """Flag cash that runs out before the mandate ends: high within 30 days, else medium."""
    funding, mandate = brief.funding, brief.mandate
    if mandate is None or funding.runway_days is None or funding.runway_end is None:
        return
    if funding.runway_end >= mandate.end:
        return
    yield Risk(
        "FUNDING_RUNWAY",
        HIGH if funding.runway_days <= 30 else MEDIUM,
        ngettext(
            "Cash of %(cash)s lasts %(days)d day at %(burn)s a day, to %(runway_end)s, "
            "before the mandate ends on %(end)s",
            "Cash of %(cash)s lasts %(days)d days at %(burn)s a day, to %(runway_end)s, "
            "before the mandate ends on %(end)s",
            funding.runway_days,
        )
        % {
            "cash": money_text(funding.cash, brief.currency),
            "days": funding.runway_days,
            "burn": money_text(funding.daily_burn, brief.currency),
            "runway_end": day_text(funding.runway_end),
            "end": day_text(mandate.end),
        },
        evidence={
            "cash": money_value(funding.cash),
            "daily_burn": money_value(funding.daily_burn),
            "runway_days": funding.runway_days,
            "runway_end": iso(funding.runway_end),
            "mandate_end": iso(mandate.end),
        },
    )


def unpaid_pledges(brief: Brief) -> Iterator[Risk]:
    """Flag money pledged of which more than a quarter is not paid (medium)."""
    funding = brief.funding
    unpaid = funding.pledged - funding.paid
    if funding.pledged <= 0 or unpaid <= funding.pledged / 4:
        return
    yield Risk(
        "UNPAID_PLEDGES",
        MEDIUM,
        _("%(unpaid)s of %(pledged)s pledged is not paid")
        % {"unpaid": money_text(unpaid, brief.currency), "pledged": money_text(funding.pledged, brief.currency)},
        evidence={
            "pledged": money_value(funding.pledged),
            "paid": money_value(funding.paid),
            "unpaid": money_value(unpaid),
        },
    )


def service_gap(brief: Brief) -> Iterator[Risk]:
    """Flag each service line uncovered (high) or covered to before the mandate's end (high within 30 days)."""
    mandate = brief.mandate
    if mandate is None:
        return
    for line in brief.life_support:
        evidence = {
            "service_line": line.service_line,
            "covered_until": iso(line.covered_until),
            "mandate_end": iso(mandate.end),
            "gap_days_before_mandate_end": line.gap_days_before_mandate_end,
        }
        if line.covered_until is None:
            yield Risk(
                "SERVICE_GAP",
                HIGH,
                _("%(line)s: no contract covers %(as_of)s")
                % {"line": line.service_line, "as_of": day_text(brief.as_of)},
                subject=line.service_line,
                evidence=evidence,
            )
        elif line.covered_until < mandate.end:
            yield Risk(
                "SERVICE_GAP",
                HIGH if (line.covered_until - brief.as_of).days <= 30 else MEDIUM,
                ngettext(
                    "%(line)s: covered until %(until)s, %(days)d day before the mandate ends on %(end)s",
                    "%(line)s: covered until %(until)s, %(days)d days before the mandate ends on %(end)s",
                    line.gap_days_before_mandate_end,
                )
                % {
                    "line": line.service_line,
                    "until": day_text(line.covered_until),
                    "days": line.gap_days_before_mandate_end,
                    "end": day_text(mandate.end),
                },
                subject=line.service_line,
                evidence=evidence,
            )


def site_lost(brief: Brief) -> Iterator[Risk]:
    """Flag each site now hostile after it was secured or reopened (high)."""
    for site in brief.sites:
        if not site.lost or site.since is None or site.held_since is None:
            continue
        yield Risk(
            "SITE_LOST",
            HIGH,
            _("%(site)s: hostile since %(since)s, after %(held)s on %(held_since)s")
            % {
                "site": site.name,
                "since": day_text(site.since),
                "held": SiteStatusValue(site.held_status).label,
                "held_since": day_text(site.held_since),
            },
            subject=site.name,
            evidence={
                "site": site.name,
                "status": site.status,
                "since": iso(site.since),
                "held_status": site.held_status,
                "held_since": iso(site.held_since),
            },
        )
