"""A French or Spanish user reads the import's problems and the state of a browser import in their language."""

import pytest
from django.urls import reverse
from django.utils import translation

from msaada.exchange.problems import MORE, Problem
from tests.factories import person
from tests.uploads.conftest import csv_file, token_of, upload
from tests.uploads.test_preview import _interrupt_an_import, good_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_admin(client, base):
    client.force_login(person("admin", base, language="fr"))
    return client


def test_a_french_user_reads_the_problems_of_an_upload_in_french(french_admin) -> None:
    pledges = csv_file("pledges.csv", "contributor,category,count,date,status\nKEN,police,10,2023-07-29,pledged,late")
    page = upload(french_admin, pledges, csv_file("notes.txt", "a,b\n1,2")).content.decode()
    assert "Rien n’a été enregistré." in page
    assert "6 cellules, l’en-tête en a 5" in page
    assert "nom de fichier inconnu\xa0: ni un fichier CSV ni un fichier XLSX" in page


def test_a_french_user_reads_a_running_and_an_interrupted_import_in_french(french_admin) -> None:
    running, interrupted = (token_of(upload(french_admin, *good_files())) for _ in range(2))
    _interrupt_an_import(running, minutes_ago=1)
    _interrupt_an_import(interrupted, minutes_ago=20)
    page = french_admin.get(reverse("import_preview", args=["MSS", running])).content.decode()
    assert "<h1>Importation en cours</h1>" in page
    assert "Ces fichiers sont en cours d’importation." in page
    page = french_admin.get(reverse("import_preview", args=["MSS", interrupted])).content.decode()
    assert "L’importation de ces fichiers a été interrompue avant la fin\xa0: rien n’en a donc été enregistré." in page


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("fr", 1, "1 autre problème dans ce fichier, non listé"),
        ("fr", 2, "2 autres problèmes dans ce fichier, non listés"),
        ("es", 1, "1 problema más en este archivo, no listado"),
        ("es", 2, "2 problemas más en este archivo, no listados"),
    ],
)
def test_the_problems_left_unlisted_are_counted_in_the_plural_of_the_language(language, count, text) -> None:
    with translation.override(language):
        assert Problem("pledges.csv", code=MORE, params={"count": count}).text == text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "une autre importation est en cours\xa0: rien n’a été enregistré, réessayez quand elle sera terminée"),
        ("es", "hay otra importación en curso: no se guardó nada, vuelva a intentarlo cuando haya terminado"),
    ],
)
def test_an_import_refused_while_another_runs_says_so_in_the_language(language, text) -> None:
    with translation.override(language):
        assert Problem("import", code="import_running").text == text
