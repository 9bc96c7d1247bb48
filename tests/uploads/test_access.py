"""Who may import: the support office, each role only the kinds of records it keeps; everyone else sees nothing."""

import pytest
from django.urls import reverse

from msaada.forces.models import Pledge
from msaada.missions.models import Mandate
from tests.exchange.files import snapshot
from tests.uploads.conftest import csv_file, token_of, upload

pytestmark = pytest.mark.django_db

MANDATES = "authority,start,end,authorized_strength\nS/RES/2699 (2023),2023-10-02,2024-10-02,2500"
PLEDGES = "contributor,category,count,date,status\nKEN,police,1000,2023-07-29,pledged"
MISSIONS = "code,name,host_country,lead_country,base_currency\nGSF,Gang Suppression Force,HTI,KEN,USD"


def import_urls(token: str = "0" * 32) -> list[str]:
    return [
        reverse("import_upload", args=["MSS"]),
        reverse("import_template", args=["MSS", "pledges.csv"]),
        reverse("import_template", args=["MSS", "msaada-import.xlsx"]),
        reverse("import_preview", args=["MSS", token]),
    ]


@pytest.mark.parametrize("role", ["liaison", "donor", "observer"])
def test_roles_outside_the_support_office_find_no_import_pages(as_role, role: str) -> None:
    client = as_role(role)
    assert [client.get(url).status_code for url in import_urls()] == [404, 404, 404, 404]
    response = client.post(reverse("import_upload", args=["MSS"]), {"files": [csv_file("pledges.csv", PLEDGES)]})
    assert response.status_code == 404
    assert not Pledge.objects.exists()


def test_a_finance_officer_may_not_import_mandates_and_nothing_is_written(as_role) -> None:
    before = snapshot()
    response = upload(
        as_role("finance"),
        csv_file("mandates.csv", MANDATES),
        csv_file("fx_rates.csv", "date,currency,per_usd\n2024-02-01,EUR,0.92"),
    )
    problems = response.context["problems"]
    assert [(p.file, p.text) for p in problems] == [("mandates.csv", "finance officer may not import mandates.csv")]
    assert b"Confirm import" not in response.content
    assert snapshot() == before
    assert not Mandate.objects.exists()


def test_a_force_officer_imports_mandates(as_role) -> None:
    client = as_role("force")
    response = upload(client, csv_file("mandates.csv", MANDATES))
    client.post(reverse("import_confirm", args=["MSS", token_of(response)]))
    assert Mandate.objects.get().authorized_strength == 2500


@pytest.mark.parametrize(("role", "refused"), [("force", True), ("admin", False)])
def test_only_an_admin_imports_missions(as_role, role: str, refused: bool) -> None:
    response = upload(as_role(role), csv_file("missions.csv", MISSIONS))
    assert (response.context["upload"].state == "rejected") is refused


HEADER_AND_HXL_ONLY = "ref,fund,donor,stage,amount,currency,date\n#meta+id,#org,#org,#status,#value,#currency,#date\n,,"


def test_empty_sheets_of_other_kinds_do_not_stop_an_import(as_role) -> None:
    response = upload(
        as_role("force"),
        csv_file("pledges.csv", PLEDGES),
        csv_file("flows.csv", HEADER_AND_HXL_ONLY),
    )
    assert response.context["upload"].state == "checked"


def test_another_users_upload_is_not_found(client, user_with) -> None:
    owner, colleague = user_with("admin", "owner"), user_with("admin", "colleague")
    client.force_login(owner)
    token = token_of(upload(client, csv_file("pledges.csv", PLEDGES)))
    client.force_login(colleague)
    assert client.get(reverse("import_preview", args=["MSS", token])).status_code == 404
    assert client.post(reverse("import_confirm", args=["MSS", token])).status_code == 404
    assert client.post(reverse("import_cancel", args=["MSS", token])).status_code == 404
    assert not Pledge.objects.exists()
    client.force_login(owner)
    assert client.get(reverse("import_preview", args=["MSS", token])).status_code == 200


def test_an_upload_belongs_to_its_mission(client, user_with, base) -> None:
    gsf = type(base).objects.create(code="GSF", name="Gang Suppression Force", host_country="HTI", lead_country="KEN")
    client.force_login(user_with("admin"))
    token = token_of(upload(client, csv_file("pledges.csv", PLEDGES)))
    assert client.get(reverse("import_preview", args=[gsf.code, token])).status_code == 404
    assert client.post(reverse("import_confirm", args=[gsf.code, token])).status_code == 404


def test_a_mission_outside_the_users_scope_is_not_found(client, user_with, base) -> None:
    type(base).objects.create(code="GSF", name="Gang Suppression Force", host_country="HTI", lead_country="KEN")
    client.force_login(user_with("force"))
    assert client.get(reverse("import_upload", args=["GSF"])).status_code == 404


def test_signed_out_visitors_are_sent_to_log_in(client, base) -> None:
    response = client.get(reverse("import_upload", args=["MSS"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
