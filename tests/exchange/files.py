"""Files of the import format written for a test, and a snapshot of what the database holds."""

import textwrap
from pathlib import Path

import pytest
from django.apps import apps

from msaada.exchange.importer import FileOutcome, ImportFailed, import_records

OUR_APPS = {"sources", "missions", "forces", "finance", "logistics", "plans"}

BASE = {
    "sources.csv": """
        key,title,publisher,date,url,kind
        art-1,First article,The Star,2024-06-25,https://example.org/1,news
        res-2751,Resolution 2751 (2024),UN Security Council,2024-09-30,,resolution
        demo,Illustrative value,,,,illustrative
    """,
    "missions.csv": """
        code,name,host_country,lead_country,base_currency,source
        MSS,Multinational Security Support,HTI,KEN,USD,art-1
    """,
    "organizations.csv": """
        key,name,kind,country,source
        un,United Nations,multilateral,,art-1
        can-gov,Government of Canada,government,CAN,art-1
        us-dod,US Department of Defense,government,USA,art-1
    """,
    "funds.csv": """
        key,name,manager,kind,source
        mss-tf,UN trust fund for the MSS,un,trust_fund,art-1
    """,
    "fx_rates.csv": """
        date,currency,per_usd,source
        2024-01-01,CAD,1.35,demo
    """,
    "sites.csv": """
        name,kind,latitude,longitude,source
        Airport,airport,18.58,-72.29,demo
    """,
}


def write(folder: Path, files: dict[str, str]) -> Path:
    """Write files given as indented CSV text into a folder and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return folder


def snapshot() -> dict[str, int]:
    """Return the row count of every table of the records, their history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
    }


def problems_of(paths: list[Path], mission: str = "MSS") -> list[str]:
    """Import and return the problems reported; fail the test if the import succeeded."""
    with pytest.raises(ImportFailed) as failed:
        import_records(paths, mission)
    return [str(problem) for problem in failed.value.problems]


def outcomes(paths: list[Path], mission: str = "MSS") -> dict[str, tuple[int, int, int]]:
    """Import and return (created, updated, unchanged) per file."""
    result: list[FileOutcome] = import_records(paths, mission)
    return {o.label: (o.created, o.updated, o.unchanged) for o in result}
