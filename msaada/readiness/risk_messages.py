"""The text of each risk and of its evidence, written in the language active when it is shown.

A risk is computed once and read by people in their own languages (a page, a report, an alert), so
its figures are kept as values and written here: dates, counts and money as the reader's language writes them.
"""

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from msaada.missions.models import SiteStatusValue
from msaada.readiness.formats import count_text, country_text, day_text, money_text, percent_text, tenths_text

Params = dict[str, Any]


def mandate_expiry(params: Params) -> str:
    days = abs(params["days_left"])
    if params["days_left"] >= 0:
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
    return message % {
        "authority": params["authority"],
        "end": day_text(params["end"]),
        "days": days,
        "as_of": day_text(params["as_of"]),
    }


def strength_gap(params: Params) -> str:
    return _("%(deployed)s deployed of %(authorized)s authorized (%(pct)s %%)") % {
        "deployed": count_text(params["deployed"]),
        "authorized": count_text(params["authorized"]),
        "pct": tenths_text(params["pct"]),
    }


def pledge_shortfall(params: Params) -> str:
    return _("%(country)s: %(deployed)s deployed of %(pledged)s pledged") % {
        "country": country_text(params["contributor"]),
        "deployed": count_text(params["deployed"]),
        "pledged": count_text(params["pledged"]),
    }


def funding_runway(params: Params) -> str:
    currency = params["currency"]
    return ngettext(
        "Cash of %(cash)s lasts %(days)d day at %(burn)s a day, to %(runway_end)s, before the mandate ends on %(end)s",
        "Cash of %(cash)s lasts %(days)d days at %(burn)s a day, to %(runway_end)s, before the mandate ends on %(end)s",
        params["days"],
    ) % {
        "cash": money_text(params["cash"], currency),
        "days": params["days"],
        "burn": money_text(params["burn"], currency),
        "runway_end": day_text(params["runway_end"]),
        "end": day_text(params["end"]),
    }


def unpaid_pledges(params: Params) -> str:
    return _("%(unpaid)s of %(pledged)s pledged is not paid") % {
        "unpaid": money_text(params["unpaid"], params["currency"]),
        "pledged": money_text(params["pledged"], params["currency"]),
    }


def service_gap(params: Params) -> str:
    if params["until"] is None:
        return _("%(line)s: no contract covers %(as_of)s") % {
            "line": params["line"],
            "as_of": day_text(params["as_of"]),
        }
    return ngettext(
        "%(line)s: covered until %(until)s, %(days)d day before the mandate ends on %(end)s",
        "%(line)s: covered until %(until)s, %(days)d days before the mandate ends on %(end)s",
        params["days"],
    ) % {
        "line": params["line"],
        "until": day_text(params["until"]),
        "days": params["days"],
        "end": day_text(params["end"]),
    }


def site_lost(params: Params) -> str:
    return _("%(site)s: hostile since %(since)s, after %(held)s on %(held_since)s") % {
        "site": params["site"],
        "since": day_text(params["since"]),
        "held": SiteStatusValue(params["held_status"]).label,
        "held_since": day_text(params["held_since"]),
    }


def equipment_short(params: Params) -> str:
    return _("%(kind)s: %(operational)s of %(total)s operational (%(pct)s %%)") % {
        "kind": params["kind"],
        "operational": count_text(params["operational"]),
        "total": count_text(params["total"]),
        "pct": tenths_text(params["pct"]),
    }


def capacity_short(params: Params) -> str:
    figures = {
        "line": params["line"],
        "capacity": count_text(params["capacity"]),
        "deployed": count_text(params["deployed"]),
        "authorized": count_text(params["authorized"] or 0),
    }
    if params["short_of_deployed"]:
        return _("%(line)s: capacity for %(capacity)s, %(deployed)s deployed") % figures
    return _("%(line)s: capacity for %(capacity)s, short of the %(authorized)s authorized") % figures


def site_threatened(params: Params) -> str:
    return ngettext(
        "%(site)s (%(status)s): %(count)d incident within 2 km from %(start)s to %(as_of)s",
        "%(site)s (%(status)s): %(count)d incidents within 2 km from %(start)s to %(as_of)s",
        params["count"],
    ) % {
        "site": params["site"],
        "status": SiteStatusValue(params["status"]).label,
        "count": params["count"],
        "start": day_text(params["start"]),
        "as_of": day_text(params["as_of"]),
    }


WRITERS: dict[str, Callable[[Params], str]] = {
    "MANDATE_EXPIRY": mandate_expiry,
    "STRENGTH_GAP": strength_gap,
    "PLEDGE_SHORTFALL": pledge_shortfall,
    "FUNDING_RUNWAY": funding_runway,
    "UNPAID_PLEDGES": unpaid_pledges,
    "SERVICE_GAP": service_gap,
    "SITE_LOST": site_lost,
    "EQUIPMENT_SHORT": equipment_short,
    "CAPACITY_SHORT": capacity_short,
    "SITE_THREATENED": site_threatened,
}


def risk_message(code: str, params: Params) -> str:
    """Write the message of a risk in the active language."""
    return WRITERS[code](params)


NOTHING = "–"

Writer = Callable[[Any, str], str]
"""Write one evidence value (as the JSON carries it) in the active language; the second argument is the currency."""


def _count(value: int, _currency: str) -> str:
    return count_text(value)


def _money(value: str, currency: str) -> str:
    return money_text(Decimal(value), currency)


def _day(value: str, _currency: str) -> str:
    return day_text(date.fromisoformat(value))


def _percent(value: float, _currency: str) -> str:
    # The JSON carries the share as a float of one decimal; its shortest repr is that decimal (41.7).
    return percent_text(Decimal(repr(value)))


def _country(value: str, _currency: str) -> str:
    return f"{country_text(value)} ({value})"


def _status(value: str, _currency: str) -> str:
    return str(SiteStatusValue(value).label)


def _name(value: str, _currency: str) -> str:
    return value


class Shown(NamedTuple):
    """One figure of a risk's evidence: its key in the JSON, its name for people, how to write it, its text if null."""

    key: str
    label: Promise
    write: Writer
    missing: str | Promise = NOTHING


MANDATE_END = Shown("mandate_end", gettext_lazy("Mandate ends on"), _day)
SERVICE_LINE = Shown("service_line", gettext_lazy("Service line"), _name)
SITE = Shown("site", gettext_lazy("Site"), _name)
STATUS = Shown("status", gettext_lazy("Status"), _status)

# Per risk, in reading order.
EVIDENCE: dict[str, tuple[Shown, ...]] = {
    "MANDATE_EXPIRY": (
        Shown("authority", gettext_lazy("Mandate"), _name),
        Shown("end", gettext_lazy("Ends on"), _day),
        Shown("days_left", gettext_lazy("Days left"), _count),
    ),
    "STRENGTH_GAP": (
        Shown("deployed", gettext_lazy("Deployed"), _count),
        Shown("authorized", gettext_lazy("Authorized"), _count),
        Shown("deployed_pct", gettext_lazy("Deployed, share of authorized"), _percent),
    ),
    "PLEDGE_SHORTFALL": (
        Shown("contributor", gettext_lazy("Contributor"), _country),
        Shown("deployed", gettext_lazy("Deployed"), _count),
        Shown("pledged", gettext_lazy("Pledged"), _count),
    ),
    "FUNDING_RUNWAY": (
        Shown("cash", gettext_lazy("Cash"), _money),
        Shown("daily_burn", gettext_lazy("Daily burn (last 90 days)"), _money),
        Shown("runway_days", gettext_lazy("Runway (days)"), _count),
        Shown("runway_end", gettext_lazy("Cash runs out on"), _day),
        MANDATE_END,
    ),
    "UNPAID_PLEDGES": (
        Shown("pledged", gettext_lazy("Pledged"), _money),
        Shown("paid", gettext_lazy("Paid"), _money),
        Shown("unpaid", gettext_lazy("Not paid"), _money),
    ),
    "SERVICE_GAP": (
        SERVICE_LINE,
        Shown("covered_until", gettext_lazy("Covered until"), _day, gettext_lazy("not covered")),
        MANDATE_END,
        Shown("gap_days_before_mandate_end", gettext_lazy("Days uncovered before the mandate's end"), _count),
    ),
    "SITE_LOST": (
        SITE,
        STATUS,
        Shown("since", gettext_lazy("Since"), _day),
        Shown("held_status", gettext_lazy("Held as"), _status),
        Shown("held_since", gettext_lazy("Held since"), _day),
    ),
    "EQUIPMENT_SHORT": (
        Shown("kind", gettext_lazy("Kind of equipment"), _name),
        Shown("total", gettext_lazy("Total"), _count),
        Shown("operational", gettext_lazy("Operational"), _count),
        Shown("operational_pct", gettext_lazy("Operational share"), _percent),
    ),
    "CAPACITY_SHORT": (
        SERVICE_LINE,
        Shown("capacity", gettext_lazy("Capacity (people)"), _count),
        Shown("deployed", gettext_lazy("Deployed"), _count),
        Shown("authorized", gettext_lazy("Authorized"), _count),
    ),
    "SITE_THREATENED": (
        SITE,
        STATUS,
        Shown("incidents_nearby", gettext_lazy("Incidents within 2 km"), _count),
        Shown("window_start", gettext_lazy("Counted from"), _day),
        Shown("as_of", gettext_lazy("Counted to"), _day),
    ),
}


def risk_evidence(code: str, evidence: Mapping[str, Any], currency: str) -> tuple[tuple[str, str], ...]:
    """Return a risk's evidence as (name, value) pairs in the active language, from its JSON evidence.

    `{"daily_burn": "433333.33"}` reads `("Daily burn (last 90 days)", "USD 433,333.33")`; money is in `currency`.
    """
    pairs = []
    for shown in EVIDENCE[code]:
        value = evidence[shown.key]
        pairs.append((str(shown.label), str(shown.missing) if value is None else shown.write(value, currency)))
    return tuple(pairs)
