"""An upload in the browser reads a listed value written as people write it, as the command line does."""

import pytest
from django.urls import reverse

from msaada.sources.models import Source
from tests.uploads.conftest import csv_file, token_of, upload

pytestmark = pytest.mark.django_db

SOURCES = """
    key,title,publisher,date,url,kind
    hearing,Hearing of the Council,UN Security Council,2024-10-02,,Official record
    minutes,Procès-verbal,Conseil de sécurité,2024-10-03,,document officiel
"""


def test_an_upload_with_official_record_is_previewed_and_imported(as_role) -> None:
    client = as_role("admin")
    preview = upload(client, csv_file("sources.csv", SOURCES))
    assert preview.resolver_match.url_name == "import_preview"
    outcome = preview.context["upload"].outcomes[0]
    assert (outcome["label"], outcome["created"]) == ("sources.csv", 2)
    done = client.post(reverse("import_confirm", args=["MSS", token_of(preview)]), follow=True)
    assert done.context["upload"].state == "imported"
    kinds = dict(Source.objects.filter(key__in=["hearing", "minutes"]).values_list("key", "kind"))
    assert kinds == {"hearing": "official_record", "minutes": "official_record"}


def test_an_upload_with_a_kind_no_list_has_names_it_and_the_accepted_ones(as_role) -> None:
    client = as_role("admin")
    page = upload(client, csv_file("sources.csv", SOURCES.replace("Official record", "Official records"))).content
    assert "not one of news, report, resolution, official_record, illustrative" in page.decode()
    assert "Official records" in page.decode()
    assert not Source.objects.filter(key="hearing").exists()
