"""Every kind of bad input is reported as `file:line: column: problem "value"`, and nothing is written."""

from pathlib import Path

import pytest

from tests.exchange.files import problems_of, snapshot, write

pytestmark = pytest.mark.django_db

BAD_ROWS = [
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status\nKEN,police,1000,2024-13-01,pledged",
        'pledges.csv:2: date: not a date (YYYY-MM-DD) "2024-13-01"',
        id="bad-date",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status\nKEN,police,,2024-01-01,pledged",
        "pledges.csv:2: count: required value is empty",
        id="empty-required",
    ),
    pytest.param(
        "pledges.csv",
        'contributor,category,count,date,status\nKEN,police,"1,000",2024-01-01,pledged',
        'pledges.csv:2: count: not a whole number "1,000"',
        id="thousands-separator-in-count",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,can-gov,paid,1e6,USD,2024-04-01",
        'flows.csv:2: amount: not a plain decimal number "1e6"',
        id="exponent-amount",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,can-gov,paid,12.5.0,USD,2024-04-01",
        'flows.csv:2: amount: not a plain decimal number "12.5.0"',
        id="not-a-number",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status\nKEM,police,1000,2024-01-01,pledged",
        'pledges.csv:2: contributor: unknown country code (ISO 3166 alpha-3, e.g. KEN) "KEM"',
        id="unknown-country",
    ),
    pytest.param(
        "organizations.csv",
        "key,name,kind,country\nbad-gov,Bad,government,XXY",
        'organizations.csv:2: country: unknown country code (ISO 3166 alpha-3, e.g. KEN) "XXY"',
        id="unknown-country-of-organization",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,can-gov,paid,10,XYZ,2024-04-01",
        'flows.csv:2: currency: unknown currency code (ISO 4217, e.g. USD) "XYZ"',
        id="unknown-currency",
    ),
    pytest.param(
        "deployments.csv",
        "contributor,unit,category,change,count,date\nKEN,1st,police,arrival,-5,2024-06-25",
        'deployments.csv:2: count: must not be negative "-5"',
        id="negative-count",
    ),
    pytest.param(
        "expenditures.csv",
        "fund,budget_line,amount,currency,date\nmss-tf,rations,-10.50,USD,2024-06-01",
        'expenditures.csv:2: amount: must not be negative "-10.5"',
        id="negative-amount",
    ),
    pytest.param(
        "assets.csv",
        "kind,owner,date,total,operational\nMRAP,us-dod,2024-06-01,4,5",
        'assets.csv:2: operational: 5 operational is above the total of 4 "5"',
        id="operational-above-total",
    ),
    pytest.param(
        "mandates.csv",
        "authority,start,end,authorized_strength\nS/RES/2751,2024-10-02,2024-10-01,2500",
        'mandates.csv:2: end: end 2024-10-01 is before start 2024-10-02 "2024-10-01"',
        id="end-before-start",
    ),
    pytest.param(
        "contracts.csv",
        "service_line,vendor,funder,start,end,value,currency,capacity\nLSA,Vendor,us-dod,2025-01-01,2024-12-31,1,USD,1",
        'contracts.csv:2: end: end 2024-12-31 is before start 2025-01-01 "2024-12-31"',
        id="contract-end-before-start",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status\nKEN,police,1000,2024-01-01,promised",
        'pledges.csv:2: status: not one of pledged, confirmed, withdrawn "promised"',
        id="status-outside-list",
    ),
    pytest.param(
        "deployments.csv",
        "contributor,unit,category,change,count,date\nKEN,1st,army,arrival,5,2024-06-25",
        'deployments.csv:2: category: not one of police, military, civilian "army"',
        id="category-outside-list",
    ),
    pytest.param(
        "site_status.csv",
        "site,date,status\nAirport,2024-05-20,open",
        'site_status.csv:2: status: not one of hostile, contested, secured, reopened "open"',
        id="site-status-outside",
    ),
    pytest.param(
        "sites.csv",
        "name,kind,latitude,longitude\nPalace,palace,98.5,-72.3",
        'sites.csv:2: latitude: Ensure this value is less than or equal to 90. "98.5"',
        id="latitude-out-of-range",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status,source\nKEN,police,1000,2024-01-01,pledged,nowhere",
        'pledges.csv:2: source: unknown source: neither in the database nor in this import "nowhere"',
        id="unknown-source",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,no-fund,can-gov,paid,10,USD,2024-04-01",
        'flows.csv:2: fund: unknown fund: neither in the database nor in this import "no-fund"',
        id="unknown-fund",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,nobody,paid,10,USD,2024-04-01",
        'flows.csv:2: donor: unknown organization: neither in the database nor in this import "nobody"',
        id="unknown-organization",
    ),
    pytest.param(
        "site_status.csv",
        "site,date,status\nPalace,2024-05-20,secured",
        'site_status.csv:2: site: unknown site: neither in the database nor in this import "Palace"',
        id="unknown-site",
    ),
    pytest.param(
        "flows.csv",
        "ref,fund,donor,stage,amount,currency,date\nC1,mss-tf,can-gov,paid,10,CAD,2023-12-31",
        'flows.csv:2: currency: no FX rate for CAD on or before 2023-12-31 "CAD"',
        id="flow-before-first-rate",
    ),
    pytest.param(
        "expenditures.csv",
        "fund,budget_line,amount,currency,date\nmss-tf,fuel,10,HTG,2024-06-01",
        'expenditures.csv:2: currency: no FX rate for HTG on or before 2024-06-01 "HTG"',
        id="expenditure-without-rate",
    ),
    pytest.param(
        "deployments.csv",
        "contributor,unit,category,change,count,date\nKEN,1st,police,arrival,400,2024-06-25\n"
        "KEN,1st,police,departure,410,2024-07-25",
        "deployments.csv:3: count: makes KEN's strength -10 on 2024-07-25",
        id="departure-below-zero",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,date,status\nKEN,police,2024-01-01,pledged",
        "pledges.csv:1: count: missing required column",
        id="missing-column",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status,colour\nKEN,police,1,2024-01-01,pledged,red",
        "pledges.csv:1: colour: unknown column",
        id="unknown-column",
    ),
    pytest.param(
        "notes.csv",
        "a,b\n1,2",
        "notes.csv: unknown file name (expected one of sources.csv, missions.csv, organizations.csv, funds.csv, "
        "fx_rates.csv, mandates.csv, pledges.csv, deployments.csv, flows.csv, expenditures.csv, contracts.csv, "
        "assets.csv, sites.csv, site_status.csv, incidents.csv, cost_models.csv, cost_lines.csv, scenarios.csv, "
        "targets.csv, planned_flows.csv, planned_contracts.csv, claims.csv)",
        id="unknown-file",
    ),
    pytest.param(
        "sources.csv",
        "key,title,publisher,date,url,kind\nart-9,A,B,2024-01-01,,blog",
        'sources.csv:2: kind: not one of news, report, resolution, official_record, illustrative "blog"',
        id="source-kind-outside-list",
    ),
    pytest.param(
        "sources.csv",
        "key,title,publisher,date,url,kind\nart-1,Again,B,2024-01-01,,news\nart-1,Twice,B,,,news",
        'sources.csv:3: key: duplicate of line 2 "art-1"',
        id="duplicate-key",
    ),
    pytest.param(
        "pledges.csv",
        "contributor,category,count,date,status\nKEN,police,1000,2024-01-01,pledged,,confirmed",
        "pledges.csv:2: row: 7 cells, the header has 5",
        id="extra-cells",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD_ROWS)
def test_bad_row_is_reported_and_nothing_written(base: Path, tmp_path: Path, name, text, expected) -> None:
    before = snapshot()
    folder = write(tmp_path / "bad", {name: text})
    assert problems_of([folder]) == [expected]
    assert snapshot() == before


def test_every_bad_row_of_several_files_is_reported_together(base: Path, tmp_path: Path) -> None:
    before = snapshot()
    folder = write(
        tmp_path / "bad",
        {
            "pledges.csv": """
            contributor,category,count,date,status
            KEN,police,1000,2024-01-01,pledged
            KEN,police,x,2024-02-01,pledged
            BHS,police,150,2024-10-18,maybe
        """,
            "deployments.csv": """
            contributor,unit,category,change,count,date
            KEN,1st,police,arrival,400,24-06-2024
            JAM,JDF,military,arrival,24,2024-09-12
        """,
        },
    )
    assert problems_of([folder]) == [
        'pledges.csv:3: count: not a whole number "x"',
        'pledges.csv:4: status: not one of pledged, confirmed, withdrawn "maybe"',
        'deployments.csv:2: date: not a date (YYYY-MM-DD) "24-06-2024"',
    ]
    assert snapshot() == before


def test_one_row_with_several_bad_columns_reports_each(base: Path, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "bad",
        {
            "flows.csv": "ref,fund,donor,stage,amount,currency,date\nC1,nofund,nobody,gift,ten,USD,2024-04-31",
        },
    )
    assert problems_of([folder]) == [
        'flows.csv:2: amount: not a plain decimal number "ten"',
        'flows.csv:2: date: not a date (YYYY-MM-DD) "2024-04-31"',
        'flows.csv:2: fund: unknown fund: neither in the database nor in this import "nofund"',
        'flows.csv:2: donor: unknown organization: neither in the database nor in this import "nobody"',
    ]


def test_reference_to_a_bad_row_of_the_same_import_is_reported_once(db, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "bad",
        {
            "sources.csv": "key,title,publisher,date,url,kind\nart-1,A,B,2024-01-01,,gossip",
            "missions.csv": "code,name,host_country,lead_country,base_currency,source\nMSS,M,HTI,KEN,USD,art-1",
        },
    )
    assert problems_of([folder]) == [
        'sources.csv:2: kind: not one of news, report, resolution, official_record, illustrative "gossip"',
    ]
    assert snapshot()["missions.Mission"] == 0


def test_unknown_mission_is_reported(db, tmp_path: Path) -> None:
    pledges = "contributor,category,count,date,status\nKEN,police,1,2024-01-01,pledged"
    folder = write(tmp_path / "bad", {"pledges.csv": pledges})
    assert problems_of([folder], mission="NOPE") == [
        "--mission: unknown mission 'NOPE': neither in the database nor in missions.csv"
    ]


def test_file_that_is_not_utf8_is_reported_with_its_line(base: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    text = "contributor,category,count,date,status\nKEN,police,1,2024-01-01,pledged\nHTI,police,1,2024-01-01,\xe9\n"
    (folder / "pledges.csv").write_bytes(text.encode("latin-1"))
    before = snapshot()
    assert problems_of([folder]) == ["pledges.csv:3: not UTF-8 text"]
    assert snapshot() == before


def test_file_that_is_not_a_spreadsheet_is_reported(base: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "flows.xlsx").write_bytes(b"%PDF-1.4 not a workbook")
    assert problems_of([folder]) == ["flows.xlsx: not a spreadsheet (XLSX)"]


def test_missing_path_is_reported(db, tmp_path: Path) -> None:
    assert problems_of([tmp_path / "nowhere"]) == [f"{tmp_path / 'nowhere'}: no such file or folder"]


def test_good_files_are_not_written_when_another_file_is_bad(base: Path, tmp_path: Path) -> None:
    before = snapshot()
    folder = write(
        tmp_path / "mixed",
        {
            "pledges.csv": "contributor,category,count,date,status\nKEN,police,1000,2024-01-01,pledged",
            "sites.csv": "name,kind,latitude,longitude\nPalace,palace,18.54,-72.33",
            "site_status.csv": "site,date,status\nPalace,2024-13-01,secured",
        },
    )
    assert problems_of([folder]) == ['site_status.csv:2: date: not a date (YYYY-MM-DD) "2024-13-01"']
    assert snapshot() == before
