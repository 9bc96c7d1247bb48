"""The six files of a plan, as a support office writes them, on top of tests/exchange/files.py's BASE."""

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
