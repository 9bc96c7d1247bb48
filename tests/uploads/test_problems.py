"""Bad uploads: every bad row is listed by file, line and column, nothing is written, and there is no confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from msaada.exchange.problems import Problem
from msaada.uploads.storage import uploads_root
from msaada.uploads.views import form as upload_form
from tests.exchange.files import snapshot
from tests.uploads.conftest import csv_file, token_of, upload

pytestmark = pytest.mark.django_db


def rejected(response) -> list[tuple[str, int | None, str]]:
    """Assert the upload was rejected as the page says, and return (file, line, column) of each problem."""
    assert response.context["upload"].state == "rejected"
    assert b"Nothing has been written." in response.content
    assert b"Confirm import" not in response.content
    return [(p["file"], p["line"], p["column"]) for p in response.context["upload"].problems]


def test_every_bad_row_is_listed_and_nothing_is_written(as_role) -> None:
    before = snapshot()
    response = upload(
        as_role("admin"),
        csv_file(
            "pledges.csv",
            """
            contributor,category,count,date,status
            KEN,police,"1,000",2023-07-29,pledged
            KEN,navy,100,2023-07-29,pledged
            BHS,police,150,2024-02-30,pledged
            BHS,police,150,2024-02-01,pledged
            """,
        ),
    )
    assert rejected(response) == [
        ("pledges.csv", 2, "count"),
        ("pledges.csv", 3, "category"),
        ("pledges.csv", 4, "date"),
    ]
    assert snapshot() == before
    assert b"<code>1,000</code>" in response.content
    assert not (uploads_root() / token_of(response) / "files").exists()


def test_bad_rows_in_two_files_are_all_listed(as_role) -> None:
    before = snapshot()
    response = upload(
        as_role("admin"),
        csv_file("pledges.csv", "contributor,category,count,date,status\nKEM,police,10,2023-07-29,pledged"),
        csv_file("flows.csv", "ref,fund,donor,stage,amount,currency,date\nC1,no-fund,can-gov,paid,10,CAD,2024-04-01"),
    )
    assert sorted(rejected(response)) == [("flows.csv", 2, "fund"), ("pledges.csv", 2, "contributor")]
    assert snapshot() == before


def test_a_rejected_upload_cannot_be_confirmed(as_role) -> None:
    client = as_role("admin")
    token = token_of(upload(client, csv_file("pledges.csv", "contributor,category,count,date,status\nKEN,x,1,x,x")))
    assert client.post(reverse("import_confirm", args=["MSS", token])).status_code == 404


def test_a_file_that_is_not_utf8_is_reported(as_role) -> None:
    text = "contributor,category,count,date,status\nKEN,police,10,2023-07-29,pledged\nKEN,polic\xe9,1,2023-07-29,x\n"
    response = upload(as_role("admin"), SimpleUploadedFile("pledges.csv", text.encode("latin-1")))
    assert rejected(response) == [("pledges.csv", 3, "")]
    assert response.context["problems"][0].text == "not UTF-8 text"


def test_a_file_that_is_not_a_spreadsheet_is_reported(as_role) -> None:
    response = upload(as_role("admin"), SimpleUploadedFile("flows.xlsx", b"%PDF-1.4 not a workbook"))
    assert rejected(response) == [("flows.xlsx", None, "")]
    assert response.context["problems"][0].text == "not a spreadsheet (XLSX)"


@pytest.mark.parametrize("name", ["donations.csv", "notes.txt"])
def test_an_unknown_file_name_is_reported(as_role, name: str) -> None:
    response = upload(as_role("admin"), csv_file(name, "a,b\n1,2"))
    assert rejected(response) == [(name, None, "")]
    assert response.context["problems"][0].text.startswith("unknown file name")


def test_no_file_chosen_is_asked_again(as_role) -> None:
    response = as_role("admin").post(reverse("import_upload", args=["MSS"]), {})
    assert response.status_code == 200
    assert response.context["form"].errors == {"files": ["Choose at least one file."]}


def test_the_same_file_name_twice_is_refused(as_role) -> None:
    response = upload(as_role("admin"), csv_file("sites.csv", "name\nA"), csv_file("sites.csv", "name\nB"))
    assert response.context["form"].errors == {"files": ["Each file may be chosen once; chosen twice: sites.csv."]}
    assert not uploads_root().exists()


def test_files_over_the_limit_are_refused_before_they_are_stored(as_role, monkeypatch) -> None:
    monkeypatch.setattr(upload_form, "MAX_BYTES", 20)
    response = upload(as_role("admin"), csv_file("sites.csv", "name\nAirport"), csv_file("funds.csv", "key\nfund-1"))
    assert response.context["form"].errors == {"files": ["The files add up to 24\xa0bytes; the limit is 20\xa0bytes."]}
    assert not uploads_root().exists()


def test_the_page_states_the_size_limit(as_role) -> None:
    response = as_role("admin").get(reverse("import_upload", args=["MSS"]))
    assert "up to 50.0\xa0MB in all" in response.content.decode()


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (
            Problem("pledges.csv", 3, "count", "not_count", value="1,000"),
            'pledges.csv:3: count: not a whole number "1,000"',
        ),
        (
            Problem("book.xlsx[pledges]", 12, "count", params={"text": "makes KEN's strength -10 on 2024-07-25"}),
            "book.xlsx[pledges]:12: count: makes KEN's strength -10 on 2024-07-25",
        ),
        (
            Problem("sites.csv", 2, "kind", "not_one_of", {"choices": "airport, base"}, 'a "b"'),
            'sites.csv:2: kind: not one of airport, base "a "b""',
        ),
        (Problem("pledges.csv", 3, code="not_utf8"), "pledges.csv:3: not UTF-8 text"),
        (Problem("x.txt", code="not_csv_or_xlsx"), "x.txt: unknown file name: not a CSV or XLSX file"),
    ],
)
def test_a_problem_is_written_as_the_line_the_command_prints(problem: Problem, text: str) -> None:
    assert str(problem) == text


def test_a_problem_is_written_in_the_language_active_when_shown() -> None:
    problem = Problem("pledges.csv", 3, "count", "not_count", value="1,000")
    with translation.override("fr"):
        french = problem.text
    assert french != "not a whole number"
    assert problem.text == "not a whole number"


def test_a_file_wrong_throughout_lists_its_first_thousand_problems(as_role) -> None:
    rows = "\n".join(f"KEN,police,{n}.5,2023-07-29,pledged" for n in range(1200))
    response = upload(as_role("admin"), csv_file("pledges.csv", "contributor,category,count,date,status\n" + rows))
    assert len(rejected(response)) == 1000
    assert response.context["upload"].problem_count == 1200
    assert b"Fix the 1,200 problems below" in response.content
    assert b"Only the first 1,000 are listed here" in response.content
