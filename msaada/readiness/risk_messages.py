"""The text of each risk, written from its params in the language active when it is shown.

A risk is computed once and read by people in their own languages (a page, a report, an alert), so
its figures are kept as values and written here: dates, counts and money as the reader's language writes them.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msaada.missions.models import SiteStatusValue
from msaada.readiness.formats import count_text, country_text, day_text, money_text, tenths_text

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
