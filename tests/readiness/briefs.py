"""Read a brief in the readiness tests, and the full mission whose brief they check figure by figure."""

from typing import Any

from msaada.missions.models import Mission
from msaada.readiness.brief import brief_json, build_brief
from tests.factories import (
    cite,
    contract,
    day,
    deploy,
    flow,
    mandate,
    mission,
    pledge,
    rate,
    site,
    source,
    spend,
    status,
)


def brief(of: Mission, on: str) -> dict[str, Any]:
    """Return the mission's brief as of the date, as the JSON object of brief.schema.json."""
    return brief_json(build_brief(of, day(on)))


def risks(data: dict[str, Any], code: str) -> list[dict[str, Any]]:
    """Return the brief's risks of one code, in the brief's order."""
    return [risk for risk in data["risks"] if risk["code"] == code]


def risk_codes(data: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """Return the brief's risks as (code, severity, subject), in the brief's order."""
    return [(risk["code"], risk["severity"], risk["subject"]) for risk in data["risks"]]


def full_mission(code: str = "mss") -> Mission:
    """A mission with a record of every kind behind a brief, most citing a source; see the figures below.

    As of 2025-09-23: mandate 9 days left; deployed 379 (KEN 371, BHS 8) of 2,500; pledged 1,150 (BLZ withdrawn);
    funding in USD: pledged 3000 (CAD 1355 at 1.355 + 2000), committed 1000, paid 2000 (CAD 720 at 1.44 + 1500),
    spent 1200, cash 800, unpaid CAD 635 at 1.44 = 440.97, burn 900 / 90 = 10, runway 80 days to 2025-12-12;
    Accommodation and Base security covered until 2025-09-30 (2 days short); the airport lost.
    """
    mss = mission(code)
    cite(mss, source("un-sc15432-2023", kind="resolution", publisher="UN", on="2023-10-02"))
    resolution = source("un-sc15838-2024", kind="resolution", publisher="UN", on="2024-09-30")
    mandate(mss, "2023-10-02", "2024-10-02", strength=2500, authority="UNSC resolution 2699 (2023)")
    cite(mandate(mss, "2024-10-02", "2025-10-02", strength=2500, authority="UNSC resolution 2751 (2024)"), resolution)
    news = source("reuters-2025-06-26", kind="news", publisher="Reuters", on="2025-06-26")
    cite(pledge(mss, "KEN", 1000, "2023-10-02"), news)
    cite(pledge(mss, "BHS", 150, "2024-02-29"), news)
    pledge(mss, "BLZ", 50, "2024-02-29")
    pledge(mss, "BLZ", 50, "2025-01-01", status="withdrawn")
    cite(deploy(mss, "KEN", 400, "2024-06-25"), news)
    cite(deploy(mss, "KEN", 29, "2025-06-26", change="departure"), news)
    deploy(mss, "BHS", 8, "2024-10-19")
    illustrative = source("illustrative-msaada-demo", kind="illustrative")
    cite(rate("CAD", "2024-01-01", "1.355"), illustrative)
    cite(rate("CAD", "2025-01-01", "1.44"), illustrative)
    flow(mss, "pledge", "1355", "2024-02-22", currency="CAD", ref="CAN")
    flow(mss, "commitment", "1355", "2024-03-01", currency="CAD", ref="CAN")
    flow(mss, "paid", "720", "2025-02-01", currency="CAD", ref="CAN")
    flow(mss, "pledge", "2000", "2024-03-11", ref="US", donor="us")
    flow(mss, "paid", "1500", "2024-06-20", ref="US", donor="us")
    cite(spend(mss, "300", "2025-05-01"), illustrative)
    cite(spend(mss, "900", "2025-09-01"), illustrative)
    contract(mss, "Accommodation", "2024-05-21", "2025-09-30")
    contract(mss, "Base security", "2024-05-21", "2024-12-31")
    contract(mss, "Base security", "2025-01-01", "2025-09-30")
    airport = site(mss, "Toussaint Louverture International Airport")
    status(airport, "2024-05-20", "reopened")
    status(airport, "2024-11-11", "hostile")
    site(mss, "National Palace", kind="palace")
    return mss
