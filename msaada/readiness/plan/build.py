"""A mission's plan: read the scenario and the records before its start, compute it, date its risks."""

from datetime import date

from msaada.missions.models import Mission
from msaada.readiness.plan.engine import Plan, compute
from msaada.readiness.plan.risks import assess
from msaada.readiness.plan.selectors import read_plan_inputs


def build_plan(
    mission: Mission,
    *,
    scenario: str | None = None,
    derived: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Plan:
    """Return the plan of a named scenario or a derived one, risks included.

    Raise PlanInputError or PlanError for a plan that cannot be read or computed, and MissingRateError when
    an amount has no exchange rate.
    """
    return assess(compute(read_plan_inputs(mission, scenario=scenario, derived=derived, start=start, end=end)))
