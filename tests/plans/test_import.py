"""The six files of a plan: imported, exported and imported again unchanged; each bad value refused, nothing written."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from msaada.exchange.exporter import export_records
from msaada.exchange.importer import import_records
from msaada.finance.models import Fund, Organization
from msaada.missions.models import Mission
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from tests.exchange.files import outcomes, problems_of, snapshot, write
from tests.plans.files import PLANS

pytestmark = pytest.mark.django_db


def plans(base: Path, tmp_path: Path, **replaced: str) -> Path:
    """Write the plan's files, with some of them replaced, into a folder of their own."""
    return write(tmp_path / "plans", {**PLANS, **replaced})


def test_the_six_files_import_into_the_records_they_describe(base, tmp_path):
    assert outcomes([plans(base, tmp_path)]) == {
        "cost_models.csv": (1, 0, 0),
        "cost_lines.csv": (5, 0, 0),
        "scenarios.csv": (2, 0, 0),
        "targets.csv": (2, 0, 0),
        "planned_flows.csv": (1, 0, 0),
        "planned_contracts.csv": (1, 0, 0),
    }
    model = CostModel.objects.get()
    assert (model.key, model.effective.isoformat(), model.mission.code) == ("un-rates", "2024-01-01", "MSS")
    lines = {line.budget_line: line for line in CostLine.objects.all()}
    rotation, accommodation = lines["rotation travel"], lines["accommodation"]
    assert (rotation.basis, rotation.amount, rotation.rotation_months, rotation.service_line) == (
        "rotation",
        Decimal(2400),
        12,
        None,
    )
    assert (accommodation.amount, accommodation.currency, accommodation.channel) == (
        Decimal("300.5"),
        "CAD",
        "voluntary",
    )
    assert (accommodation.service_line.name, accommodation.lead_days) == ("Accommodation", 60)
    assert sorted(c.source.key for c in lines["reimbursement"].citations.all()) == ["res-2751"]
    build_up, steady = Scenario.objects.get(name="build-up"), Scenario.objects.get(name="steady")
    assert (build_up.cost_model, build_up.end.isoformat(), build_up.notes) == (
        model,
        "2025-06-30",
        "From the offers of July",
    )
    assert (steady.cost_model, steady.end, steady.notes) == (None, None, "")
    assert sorted((t.contributor.code, t.category, t.strength) for t in build_up.targets.all()) == [
        ("JAM", "military", 200),
        ("KEN", "police", 1000),
    ]
    flow = PlannedFlow.objects.get()
    assert (flow.scenario, flow.fund.key, flow.donor.key, flow.amount) == (
        build_up,
        "mss-tf",
        "can-gov",
        Decimal(80500000),
    )
    contract = PlannedContract.objects.get()
    # The planned contract and the cost line name one service line, made by the first file that names it.
    assert contract.service_line == accommodation.service_line
    assert (contract.capacity, contract.value, contract.end.isoformat()) == (1200, Decimal(3000000), "2025-06-30")


def test_an_export_imported_again_finds_every_record_and_changes_nothing(base, tmp_path):
    import_records([plans(base, tmp_path)], "MSS")
    exported = tmp_path / "exported"
    export_records(Mission.objects.get(code="MSS"), exported)
    with (exported / "cost_lines.csv").open(encoding="utf-8") as lines:
        rows = list(csv.reader(lines))
    assert rows[0] == [
        "ref",
        "model",
        "budget_line",
        "basis",
        "amount",
        "currency",
        "channel",
        "rotation_months",
        "service_line",
        "lead_days",
        "source",
    ]
    assert rows[3] == [
        "",
        "un-rates",
        "accommodation",
        "person_month",
        "300.5",
        "CAD",
        "voluntary",
        "",
        "Accommodation",
        "60",
        "demo",
    ]
    before = snapshot()
    plan_files = [exported / name for name in PLANS]
    assert outcomes(plan_files) == {
        "cost_models.csv": (0, 0, 1),
        "cost_lines.csv": (0, 0, 5),
        "scenarios.csv": (0, 0, 2),
        "targets.csv": (0, 0, 2),
        "planned_flows.csv": (0, 0, 1),
        "planned_contracts.csv": (0, 0, 1),
    }
    assert snapshot() == before


def test_a_scenario_changed_in_its_file_is_updated_not_duplicated(base, tmp_path):
    import_records([plans(base, tmp_path)], "MSS")
    changed = PLANS["scenarios.csv"].replace("From the offers of July", "Revised")
    result = outcomes([write(tmp_path / "again", {"scenarios.csv": changed})])
    # The scenario is found by its name (its natural key): one updated, one unchanged, none created.
    assert result == {"scenarios.csv": (0, 1, 1)}
    assert Scenario.objects.get(name="build-up").notes == "Revised"
    assert Scenario.objects.count() == 2


FLOWS_HEADER = "scenario,fund,donor,stage,amount,currency,date"
LINES_HEADER = "model,budget_line,basis,amount,currency,channel,rotation_months,service_line,lead_days"
BAD = [
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nun-rates,rations,per_day,10,USD,assessed,,,"},
        'cost_lines.csv:2: basis: not one of person_month, rotation, arrival, month "per_day"',
        id="unknown-basis",
    ),
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nun-rates,travel,rotation,2400,USD,assessed,,,"},
        'cost_lines.csv:2: rotation_months: required for a line on the rotation basis ""',
        id="rotation-without-rotation-months",
    ),
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nun-rates,rations,person_month,10,USD,assessed,6,,"},
        'cost_lines.csv:2: rotation_months: only a line on the rotation basis has rotation months "6"',
        id="rotation-months-on-another-basis",
    ),
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nun-rates,rations,person_month,10,USD,assessed,,,30"},
        'cost_lines.csv:2: lead_days: only a line with a service line has lead days "30"',
        id="lead-days-without-service-line",
    ),
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nno-such-model,rations,person_month,10,USD,assessed,,,"},
        'cost_lines.csv:2: model: unknown cost model: neither in the database nor in this import "no-such-model"',
        id="unknown-cost-model",
    ),
    pytest.param(
        {"cost_lines.csv": f"{LINES_HEADER}\nun-rates,rations,person_month,-10,USD,assessed,,,"},
        'cost_lines.csv:2: amount: must not be negative "-10"',
        id="negative-amount",
    ),
    pytest.param(
        {"scenarios.csv": "name,start,end,cost_model,notes\nbuild-up,2024-07-01,2024-06-30,un-rates,"},
        'scenarios.csv:2: end: end 2024-06-30 is before start 2024-07-01 "2024-06-30"',
        id="scenario-ends-before-it-starts",
    ),
    pytest.param(
        {"scenarios.csv": "name,start,end,cost_model,notes\nbuild-up,2024-07-01,,no-such-model,"},
        'scenarios.csv:2: cost_model: unknown cost model: neither in the database nor in this import "no-such-model"',
        id="scenario-of-an-unknown-cost-model",
    ),
    pytest.param(
        {"targets.csv": "scenario,contributor,category,date,strength\nno-such-plan,KEN,police,2024-09-01,1000"},
        'targets.csv:2: scenario: unknown scenario: neither in the database nor in this import "no-such-plan"',
        id="unknown-scenario",
    ),
    pytest.param(
        {
            "planned_contracts.csv": "scenario,service_line,vendor,start,end,capacity,value,currency\n"
            "build-up,Accommodation,Camp builders,2024-09-01,2024-08-31,1200,3000000,USD"
        },
        'planned_contracts.csv:2: end: end 2024-08-31 is before start 2024-09-01 "2024-08-31"',
        id="planned-contract-ends-before-it-starts",
    ),
    pytest.param(
        {"planned_flows.csv": f"{FLOWS_HEADER}\nbuild-up,mss-tf,can-gov,paid,1000,EUR,2024-08-01"},
        'planned_flows.csv:2: currency: no FX rate for EUR on or before 2024-08-01 "EUR"',
        id="currency-without-a-rate",
    ),
    pytest.param(
        {"planned_flows.csv": f"{FLOWS_HEADER}\nbuild-up,gsf-tf,can-gov,paid,1000,USD,2024-08-01"},
        'planned_flows.csv:2: fund: unknown fund: neither in the database nor in this import "gsf-tf"',
        id="fund-of-another-mission",
    ),
]


@pytest.mark.parametrize(("replaced", "expected"), BAD)
def test_a_bad_value_is_refused_with_file_line_and_column_and_nothing_is_written(base, tmp_path, replaced, expected):
    gsf = Mission.objects.create(code="GSF", name="Gang Suppression Force", host_country="HTI", lead_country="KEN")
    Fund.objects.create(
        mission=gsf, key="gsf-tf", name="GSF trust fund", manager=Organization.objects.get(key="un"), kind="trust_fund"
    )
    before = snapshot()
    assert problems_of([plans(base, tmp_path, **replaced)]) == [expected]
    assert snapshot() == before
    assert not Target.objects.exists()
