"""Plans in import rows: a small build-up computed by hand; the six files of a plan as an office writes them."""

from tests.readiness.oracle import Rows

PLANS = {
    "cost_models.csv": """
        key,name,effective,source
        un-rates,UN reimbursement rates,2024-01-01,res-2751
    """,
    "cost_lines.csv": """
        model,budget_line,basis,amount,currency,channel,rotation_months,service_line,lead_days,source
        un-rates,reimbursement,person_month,1428,USD,assessed,,,,res-2751
        un-rates,rotation travel,rotation,2400,USD,assessed,12,,,demo
        un-rates,accommodation,person_month,300.5,CAD,voluntary,,Accommodation,60,demo
        un-rates,equipment,arrival,5000,USD,bilateral,,,,demo
        un-rates,headquarters,month,250000,USD,voluntary,,,,demo
    """,
    "scenarios.csv": """
        name,start,end,cost_model,notes
        build-up,2024-07-01,2025-06-30,un-rates,From the offers of July
        steady,2024-07-01,,,
    """,
    "targets.csv": """
        scenario,contributor,category,date,strength
        build-up,KEN,police,2024-09-01,1000
        build-up,JAM,military,2024-10-15,200
    """,
    "planned_flows.csv": """
        scenario,fund,donor,stage,amount,currency,date
        build-up,mss-tf,can-gov,paid,80500000,CAD,2024-08-01
    """,
    "planned_contracts.csv": """
        scenario,service_line,vendor,start,end,capacity,value,currency
        build-up,Accommodation,Camp builders,2024-09-01,2025-06-30,1200,3000000,USD
    """,
}


def gsf_files() -> Rows:
    """Return the rows of a force building up from 1 Jan 2026 to 31 Mar 2026 (see test_plan_command's arithmetic)."""
    return {
        "missions.csv": [
            {"code": "TST", "name": "Test force", "host_country": "HTI", "lead_country": "KEN", "base_currency": "USD"}
        ],
        "mandates.csv": [
            {"authority": "Resolution 2793", "start": "2025-10-02", "end": "2026-03-31", "authorized_strength": "200"}
        ],
        "organizations.csv": [
            {"key": "un", "name": "United Nations", "kind": "multilateral", "country": ""},
            {"key": "us-gov", "name": "Government of the United States", "kind": "government", "country": "USA"},
        ],
        "funds.csv": [
            {"key": "tf", "name": "Trust fund", "manager": "un", "kind": "trust_fund"},
            {"key": "unsos", "name": "Support office", "manager": "un", "kind": "assessed"},
        ],
        "fx_rates.csv": [
            {"date": "2025-12-01", "currency": "EUR", "per_usd": "0.8"},
            # After the day before the start: not the planning rate.
            {"date": "2026-01-01", "currency": "EUR", "per_usd": "0.5"},
        ],
        "deployments.csv": [
            {
                "contributor": "KEN",
                "unit": "Contingent",
                "category": "police",
                "change": "arrival",
                "count": "100",
                "date": "2025-11-01",
            },
            # On the start: a plan sees nothing recorded from its start on.
            {
                "contributor": "KEN",
                "unit": "Contingent",
                "category": "police",
                "change": "arrival",
                "count": "50",
                "date": "2026-01-01",
            },
        ],
        "pledges.csv": [
            {"contributor": "KEN", "category": "police", "count": "150", "date": "2025-10-01", "status": "pledged"},
        ],
        "flows.csv": [
            {
                "ref": "",
                "fund": "tf",
                "donor": "us-gov",
                "stage": "paid",
                "amount": "8000",
                "currency": "USD",
                "date": "2025-11-15",
            },
            {
                "ref": "",
                "fund": "unsos",
                "donor": "us-gov",
                "stage": "paid",
                "amount": "40000",
                "currency": "EUR",
                "date": "2025-12-15",
            },
        ],
        "expenditures.csv": [
            {"fund": "tf", "budget_line": "Rations", "amount": "2000", "currency": "USD", "date": "2025-12-20"},
        ],
        "contracts.csv": [
            {
                "service_line": "Accommodation",
                "vendor": "Camp Co",
                "funder": "us-gov",
                "start": "2025-10-01",
                "end": "2026-02-15",
                "value": "1000",
                "currency": "USD",
                "capacity": "120",
            },
        ],
        "cost_models.csv": [{"key": "un-rates", "name": "UN rates", "effective": "2025-10-01"}],
        "cost_lines.csv": [
            {
                "model": "un-rates",
                "budget_line": "Allowances",
                "basis": "person_month",
                "amount": "800",
                "currency": "EUR",
                "channel": "assessed",
                "rotation_months": "",
                "service_line": "Accommodation",
                "lead_days": "60",
            },
            {
                "model": "un-rates",
                "budget_line": "Headquarters",
                "basis": "month",
                "amount": "3100",
                "currency": "USD",
                "channel": "voluntary",
                "rotation_months": "",
                "service_line": "",
                "lead_days": "",
            },
        ],
        "scenarios.csv": [{"name": "build-up", "start": "2026-01-01", "end": "", "cost_model": "", "notes": ""}],
        "targets.csv": [
            {
                "scenario": "build-up",
                "contributor": "TCD",
                "category": "military",
                "date": "2026-02-01",
                "strength": "50",
            },
        ],
        "planned_flows.csv": [
            {
                "scenario": "build-up",
                "fund": "tf",
                "donor": "us-gov",
                "stage": "paid",
                "amount": "3000",
                "currency": "USD",
                "date": "2026-03-01",
            },
            {
                "scenario": "build-up",
                "fund": "tf",
                "donor": "us-gov",
                "stage": "pledge",
                "amount": "99999",
                "currency": "USD",
                "date": "2026-03-01",
            },
        ],
        "planned_contracts.csv": [],
    }
