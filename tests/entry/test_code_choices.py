"""Currencies and countries are picked from ISO codes with their names, in the user's language."""

from msaada.finance.models import Flow


def options(response, name: str) -> dict[str, str]:
    field = response.context["form"][name] if "form" in response.context else response.context["filterset"].form[name]
    return {str(value): str(label) for value, label in field.field.choices}


def test_the_flow_form_offers_iso_currencies_with_their_names(world, client_of):
    choices = options(client_of("admin").get("/m/MSS/records/flows/new/"), "currency")
    assert choices["EUR"] == "EUR · Euro"
    assert choices["HTG"] == "HTG · Haitian Gourde"
    assert "XYZ" not in choices


def test_in_french_the_names_are_french(world, client_of):
    response = client_of("admin", "fr").get("/m/MSS/records/organizations/new/")
    countries = options(response, "country")
    assert countries["HTI"] == "Haïti (HTI)"
    assert countries[""] == "---------"  # an organization's country may be left blank
    currencies = options(client_of("admin", "fr").get("/m/MSS/records/flows/new/"), "currency")
    assert currencies["USD"] == "USD · dollar des États-Unis"


def test_the_currency_filter_is_a_choice_of_codes_and_narrows_the_list(world, client_of):
    client = client_of("admin")
    response = client.get("/m/MSS/records/flows/", {"currency": "CAD"})
    assert options(response, "currency")["CAD"] == "CAD · Canadian Dollar"
    assert [record for record, _cells in response.context["rows"]] == [Flow.objects.get(ref="CAN-1")]


def test_a_code_outside_the_choices_is_refused_by_the_form(world, client_of):
    response = client_of("admin").post("/m/MSS/records/contributors/new/", {"code": "XXX"})
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
