"""A force officer records another source's claim through the data-entry form; a bad one is refused by field."""

from django.urls import reverse

from msaada.sources.models import Claim


def test_a_claim_made_through_the_form_is_attached_to_the_record_it_names(world, user_of, client):
    client.force_login(user_of("force"))
    data = {
        "ref": "",
        "file": "deployments",
        "record": "",
        "field": "count",
        "value": "400",
        "note": "A first group of 400",
        "sources": [world.article.pk],
    }
    world.deployment.ref = "KEN-1"
    world.deployment.save()
    refused = client.post(reverse("record_new", args=["MSS", "claims"]), data)
    assert refused.status_code == 200
    assert "record" in refused.context["form"].errors
    response = client.post(reverse("record_new", args=["MSS", "claims"]), {**data, "record": "KEN-1"})
    assert response.status_code == 302
    claim = Claim.objects.get(note="A first group of 400")
    assert (claim.mission, claim.target, claim.value) == (world.mss, world.deployment, "400")
    assert [citation.source for citation in claim.citations.all()] == [world.article]
