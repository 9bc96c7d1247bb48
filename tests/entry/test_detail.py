"""A record's page: its fields, the sources it cites, the records it names and those that name it."""

from django.urls import reverse


def test_a_record_page_shows_its_fields_sources_and_links(world, client_of):
    response = client_of("force").get(reverse("record_detail", args=["MSS", "deployments", world.deployment.pk]))
    page = response.content.decode()
    lines = {line.label: (line.text, line.url) for line in response.context["lines"]}
    assert lines["Unit"] == ("First contingent", "")
    assert lines["Personnel"] == ("200", "")
    assert lines["Contributor"] == ("Kenya (KEN)", reverse("record_detail", args=["MSS", "contributors", world.ken.pk]))
    assert [c.source.key for c in response.context["citations"]] == ["art-1"]
    assert f'href="{reverse("record_detail", args=["MSS", "sources", world.article.pk])}">First article</a>' in page
    assert "<h1>Kenya (KEN) · arrival · 200 · police · 2024-06-25</h1>" in page


def test_a_record_page_links_to_the_lists_of_records_naming_it(world, client_of):
    response = client_of("finance").get(reverse("record_detail", args=["MSS", "organizations", world.usa.pk]))
    links = {line.label: line.url for line in response.context["related"]}
    base = "/m/MSS/records/"
    assert links == {
        "Funds": f"{base}funds/?manager={world.usa.pk}",
        "Flows": f"{base}flows/?donor={world.usa.pk}",
        "Contracts": f"{base}contracts/?funder={world.usa.pk}",
        "Assets": f"{base}assets/?owner={world.usa.pk}",
        "Planned flows": f"{base}planned-flows/?donor={world.usa.pk}",
    }
    assets = client_of("finance").get(links["Assets"])
    assert [record.kind for record, _cells in assets.context["rows"]] == ["Armoured vehicle"]


def test_shared_records_are_listed_under_every_mission(world, client_of):
    client = client_of("admin")
    for code in ("MSS", "GSF"):
        sources = client.get(reverse("record_list", args=[code, "sources"]))
        rates = client.get(reverse("record_list", args=[code, "fx-rates"]))
        assert sorted(record.key for record, _cells in sources.context["rows"]) == ["art-1", "demo"]
        assert [record.currency for record, _cells in rates.context["rows"]] == ["CAD"]
    gsf_deployments = client.get(reverse("record_list", args=["GSF", "deployments"]))
    assert [record.unit for record, _cells in gsf_deployments.context["rows"]] == ["GSF contingent"]
