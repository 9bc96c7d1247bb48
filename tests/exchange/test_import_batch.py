"""Every import that writes leaves one batch: who, when, which files and what each did; its history points to it."""

from pathlib import Path

import pytest
from django.apps import apps

from msaada.core.models import ImportBatch
from msaada.exchange.importer import ImportFailed, import_records
from msaada.missions.models import Mission, Site
from tests.exchange.files import BASE, write

pytestmark = pytest.mark.django_db

HISTORY_OF_RECORDS = [
    model
    for model in apps.get_models()
    if model._meta.app_label in {"sources", "missions", "forces", "finance", "logistics"}
    and model.__name__.startswith("Historical")
]


def test_an_import_writes_one_batch_with_what_each_file_did(tmp_path: Path, django_user_model) -> None:
    officer = django_user_model.objects.create_user("officer", password=None)
    import_records([write(tmp_path / "r", BASE)], "MSS", actor=officer, reason="by officer")
    batch = ImportBatch.objects.get()
    assert (batch.user, batch.mission, batch.reason) == (officer, "MSS", "by officer")
    assert batch.outcomes == [
        {"label": "sources.csv", "created": 3, "updated": 0, "unchanged": 0},
        {"label": "missions.csv", "created": 1, "updated": 0, "unchanged": 0},
        {"label": "organizations.csv", "created": 3, "updated": 0, "unchanged": 0},
        {"label": "funds.csv", "created": 1, "updated": 0, "unchanged": 0},
        {"label": "fx_rates.csv", "created": 1, "updated": 0, "unchanged": 0},
        {"label": "sites.csv", "created": 1, "updated": 0, "unchanged": 0},
    ]


def test_the_history_an_import_writes_points_to_its_batch(tmp_path: Path) -> None:
    import_records([write(tmp_path / "r", BASE)], "MSS")
    batch = ImportBatch.objects.get()
    rows = [row for model in HISTORY_OF_RECORDS for row in model.objects.all()]
    assert len(rows) == 10 + 7  # ten records, and the seven citations their source columns make
    assert {row.import_batch for row in rows} == {batch}
    assert Mission.objects.get().history.get().history_change_reason == f"import {batch.pk}"


def test_a_second_import_has_its_own_batch_with_its_own_outcomes(tmp_path: Path) -> None:
    import_records([write(tmp_path / "r", BASE)], "MSS")
    changed = {"sites.csv": "name,kind,latitude,longitude,source\nAirport,airport,18.6,-72.29,demo"}
    import_records([write(tmp_path / "s", changed)], "MSS", reason="by hand")
    first, second = ImportBatch.objects.order_by("pk")
    assert second.outcomes == [{"label": "sites.csv", "created": 0, "updated": 1, "unchanged": 0}]
    site_history = Site.objects.get().history.order_by("history_date")
    assert [row.import_batch for row in site_history] == [first, second]
    assert site_history.last().history_change_reason == f"import {second.pk} by hand"


def test_a_dry_run_writes_no_batch(tmp_path: Path) -> None:
    import_records([write(tmp_path / "r", BASE)], "MSS", dry_run=True)
    assert not ImportBatch.objects.exists()


def test_a_failed_import_writes_no_batch(tmp_path: Path) -> None:
    files = {**BASE, "sites.csv": "name,kind,latitude,longitude\nAirport,airport,north,-72.29"}
    with pytest.raises(ImportFailed):
        import_records([write(tmp_path / "r", files)], "MSS")
    assert not ImportBatch.objects.exists()
