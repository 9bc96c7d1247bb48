"""A mission's brief as of a date: read the records, compute the figures, find the risks."""

from dataclasses import replace
from datetime import date
from typing import Any

from msaada.missions.models import Mission
from msaada.readiness import claims, ground, illustrative, provenance, selectors
from msaada.readiness.alternatives import alternatives
from msaada.readiness.figures import Brief, brief_figures
from msaada.readiness.marks import illustrative_figures
from msaada.readiness.presenters.data import brief_data
from msaada.readiness.risks import assess
from msaada.readiness.rows import MissionRecords
from msaada.readiness.waiting import waiting_as_of


def read_records(mission: Mission, as_of: date) -> MissionRecords:
    """Run the brief's selectors for the mission and date: the same number of queries whatever the data size."""
    mandate = selectors.mandate_as_of(mission, as_of)
    mandate_pk = None if mandate is None else mandate.pk
    return MissionRecords(
        code=mission.code,
        name=mission.name,
        currency=mission.base_currency,
        as_of=as_of,
        mandate=mandate,
        deployed=selectors.deployed_as_of(mission, as_of),
        pledged=selectors.pledged_as_of(mission, as_of),
        flows=selectors.flow_groups(mission, as_of),
        expenditures=selectors.expenditure_groups(mission, as_of),
        unpaid=selectors.unpaid_groups(mission, as_of),
        lines=selectors.coverage_as_of(mission, as_of),
        sites=selectors.sites_as_of(mission, as_of),
        sources=provenance.sources_as_of(mission, as_of, mandate_pk),
        ground=ground.ground_records(mission, as_of),
        illustrative_inputs=illustrative.illustrative_inputs(mission, as_of, mandate_pk),
        claims=claims.claims_as_of(mission, as_of, mandate_pk),
    )


def build_brief(mission: Mission, as_of: date) -> Brief:
    """Return the mission's brief as of the date, risks included.

    Raise MissingRateError when an amount has no exchange rate on or before its date.
    """
    records = read_records(mission, as_of)
    brief = brief_figures(records)
    brief = replace(
        brief,
        illustrative=illustrative_figures(records.illustrative_inputs, brief),
        claims=alternatives(records.claims, brief),
    )
    return replace(brief, risks=assess(brief), waiting=waiting_as_of(mission, as_of))


def brief_json(brief: Brief) -> dict[str, Any]:
    """Return the brief as the JSON object of brief.schema.json (money as strings to the cent, ISO dates)."""
    return brief_data(brief)
