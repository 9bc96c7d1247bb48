"""A listed value is read however it is spelled, or as its label in English, French or Spanish; nothing else is."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from msaada.exchange.cells import Enumeration
from msaada.exchange.formats import FILES
from msaada.exchange.importer import import_records
from msaada.forces.models import Deployment
from msaada.sources.models import Source
from tests.exchange.files import BASE, outcomes, problems_of, write

pytestmark = pytest.mark.django_db

SOURCE = """
    key,title,publisher,date,url,kind
    hearing,Hearing of the Council,UN Security Council,2024-10-02,,{kind}
"""
ACCEPTED_KINDS = "news, report, resolution, official_record, illustrative"


@pytest.mark.parametrize(
    "kind",
    [
        "official_record",  # as listed
        "OFFICIAL_RECORD",  # case
        "official record",  # a space for the underscore
        "Official record",  # its English label, as a person writes it
        "official-record",  # a hyphen
        "Official - Record",  # spaces and a hyphen
        "officialrecord",  # no mark at all
        "document officiel",  # its French label
        "Document Officiel",
        "documento oficial",  # its Spanish label
    ],
)
def test_a_spelling_or_a_label_of_a_kind_of_source_is_read_as_it(tmp_path: Path, kind: str) -> None:
    import_records([write(tmp_path, {"sources.csv": SOURCE.format(kind=kind)})], "MSS")
    assert Source.objects.get(key="hearing").kind == "official_record"


@pytest.mark.parametrize("kind", ["official records", "officiel", "record", "official.record", "documento"])
def test_anything_else_is_refused_with_the_accepted_values(tmp_path: Path, kind: str) -> None:
    problems = problems_of([write(tmp_path, {"sources.csv": SOURCE.format(kind=kind)})])
    assert problems == [f'sources.csv:2: kind: not one of {ACCEPTED_KINDS} "{kind}"']
    assert not Source.objects.exists()


def test_a_row_spelled_otherwise_is_the_same_record_on_a_second_import(tmp_path: Path) -> None:
    import_records([write(tmp_path / "one", {"sources.csv": SOURCE.format(kind="official_record")})], "MSS")
    again = outcomes([write(tmp_path / "two", {"sources.csv": SOURCE.format(kind="Document officiel")})])
    assert again == {"sources.csv": (0, 0, 1)}


def test_labels_of_category_and_change_are_read_in_a_file_of_arrivals(tmp_path: Path) -> None:
    files = {
        **BASE,
        "deployments.csv": """
            contributor,unit,category,change,count,date
            KEN,First contingent,Police,Arrival,200,2024-06-25
            KEN,Second contingent,policía,llegada,100,2024-07-16
            KEN,Rotation,POLICE,départ,50,2024-08-01
        """,
    }
    import_records([write(tmp_path, files)], "MSS")
    rows = Deployment.objects.order_by("date").values_list("category", "change", "count")
    assert list(rows) == [("police", "arrival", 200), ("police", "arrival", 100), ("police", "departure", 50)]


ENUMERATED = [
    (spec.name, column.name, column.parse)
    for spec in FILES
    for column in spec.columns
    if isinstance(column.parse, Enumeration)
]


@pytest.mark.parametrize(("file", "column", "read"), ENUMERATED, ids=[f"{f}.{c}" for f, c, _r in ENUMERATED])
def test_every_listed_value_is_read_from_its_label_in_each_language(file: str, column: str, read) -> None:
    # A label two values share would name neither: this fails the day a translation makes two alike.
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels = {value: str(label) for value, label in read.choices}
        assert {value: read(label) for value, label in labels.items()} == {value: value for value in labels}, language


def test_the_file_columns_of_listed_values_are_all_read_so() -> None:
    assert {(file, column) for file, column, _read in ENUMERATED} >= {
        ("sources", "kind"),
        ("organizations", "kind"),
        ("funds", "kind"),
        ("pledges", "category"),
        ("pledges", "status"),
        ("deployments", "category"),
        ("deployments", "change"),
        ("flows", "stage"),
        ("sites", "kind"),
        ("site_status", "status"),
        ("incidents", "event_type"),
    }


def test_a_label_two_values_share_names_neither() -> None:
    read = Enumeration([("north", "the same"), ("south", "The Same")])
    assert (read("the same"), read("NORTH"), read("south")) == ("the same", "north", "south")


def test_a_value_as_listed_wins_over_the_label_of_another() -> None:
    # "report" is the label of "news" here, but it is a value itself: a listed value always names itself.
    read = Enumeration([("news", "report"), ("report", "news")])
    assert (read("report"), read("News")) == ("report", "news")
