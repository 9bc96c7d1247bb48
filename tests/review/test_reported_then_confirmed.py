"""What a liaison or a donor records is reported until an officer of the mission confirms or rejects it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from msaada.core.review import ReviewState
from msaada.core.services import record_review, record_save
from msaada.exchange.importer import ImportFailed, import_records
from msaada.forces.models import Deployment, Pledge
from msaada.readiness.brief import build_brief
from msaada.readiness.presenters.data import brief_data
from msaada.readiness.presenters.markdown import brief_markdown
from msaada.readiness.presenters.terminal import brief_text
from tests.factories import contributor, deployment, flow_event, mandate, mission, organization, person

pytestmark = pytest.mark.django_db

D = date(2025, 9, 23)


@pytest.fixture
def mss():
    mss = mission("MSS")
    mandate(mss, "2024-10-02", "2025-10-02", strength=1000)
    return mss


def people(mss):
    """A liaison of Kenya, another liaison of Kenya, a force officer, a finance officer and a donor of Canada."""
    return {
        "liaison": person("liaison", mss, country="KEN"),
        "other_liaison": person("liaison", mss, country="KEN"),
        "force": person("force", mss),
        "finance": person("finance", mss),
        "donor": person("donor", mss, organization=organization("canada")),
    }


def saved(actor, record, mss):
    record_save(actor=actor, record=record, mission=mss)
    record.refresh_from_db()
    return record


def test_each_roles_write_gets_its_state(mss):
    users = people(mss)
    assert saved(users["liaison"], deployment(mss, "KEN", 40, "2025-01-10"), mss).review_state == "reported"
    assert saved(users["force"], deployment(mss, "KEN", 100, "2025-01-01"), mss).review_state == "confirmed"
    assert saved(None, deployment(mss, "KEN", 5, "2025-01-02"), mss).review_state == "confirmed"
    assert saved(users["donor"], flow_event(mss, "paid", "1000", "2025-02-01"), mss).review_state == "reported"
    assert saved(users["finance"], flow_event(mss, "paid", "2000", "2025-02-01"), mss).review_state == "confirmed"
    reported = Deployment.objects.get(count=40)
    assert reported.reported_by == users["liaison"]


def test_an_officers_change_keeps_the_state_and_a_liaisons_change_waits_again(mss):
    users = people(mss)
    reported = saved(users["liaison"], deployment(mss, "KEN", 40, "2025-01-10"), mss)
    reported.unit = "renamed by the officer"
    assert saved(users["force"], reported, mss).review_state == "reported"
    confirmed = saved(users["force"], deployment(mss, "KEN", 100, "2025-01-01"), mss)
    confirmed.count = 120
    assert saved(users["liaison"], confirmed, mss).review_state == "reported"


def test_an_import_is_reported_for_a_liaison_and_confirmed_for_an_officer(mss, tmp_path):
    users = people(mss)
    (tmp_path / "deployments.csv").write_text(
        "contributor,unit,category,change,count,date\nKEN,first,police,arrival,30,2025-03-01\n"
    )
    import_records([tmp_path], "MSS", actor=users["liaison"])
    assert Deployment.objects.get(count=30).review_state == "reported"
    (tmp_path / "deployments.csv").write_text(
        "contributor,unit,category,change,count,date\nKEN,second,police,arrival,70,2025-03-02\n"
    )
    import_records([tmp_path], "MSS", actor=users["force"])
    assert Deployment.objects.get(count=70).review_state == "confirmed"


def test_the_brief_counts_confirmed_records_only_and_says_how_many_wait(mss):
    users = people(mss)
    saved(users["force"], deployment(mss, "KEN", 100, "2025-01-01"), mss)
    waiting = saved(users["liaison"], deployment(mss, "KEN", 40, "2025-01-10"), mss)
    rejected = saved(users["liaison"], deployment(mss, "KEN", 25, "2025-01-11"), mss)
    record_review(actor=users["force"], record=rejected, mission=mss, confirm=False, note="no such flight")
    saved(users["liaison"], deployment(mss, "KEN", 9, "2025-12-01"), mss)  # dated after D: not waiting on D
    saved(users["finance"], flow_event(mss, "paid", "2000", "2025-02-01"), mss)
    saved(users["donor"], flow_event(mss, "paid", "1000", "2025-02-01"), mss)
    record_save(actor=users["liaison"], record=Pledge(**pledge_fields(mss, 300)), mission=mss)

    brief = build_brief(mss, D)
    # Only the officer's 100 counts: the reported 40 waits, the rejected 25 counts nowhere.
    assert (brief.strength.deployed, brief.strength.pledged) == (100, 0)
    # Paid: the finance officer's 2,000 only; the donor's 1,000 waits.
    assert brief.funding.paid == 2000
    assert (brief.waiting.pledges, brief.waiting.deployments, brief.waiting.flows) == (1, 1, 1)
    assert brief_data(brief)["waiting_review"] == {"pledges": 1, "deployments": 1, "flows": 1}
    line = "1 deployment reported, waiting for an officer's review: not counted in the figures."
    assert line in brief_markdown(brief)
    assert line in " ".join(brief_text(brief, width=200).split())

    record_review(actor=users["force"], record=waiting, mission=mss, confirm=True, note="checked with the manifest")
    brief = build_brief(mss, D)
    assert brief.strength.deployed == 140  # 100 + the 40 now confirmed
    assert brief.waiting.deployments == 0


def pledge_fields(mss, count):
    return {
        "mission": mss,
        "contributor": contributor("KEN"),
        "category": "police",
        "count": count,
        "date": date(2025, 1, 5),
        "status": "pledged",
    }


def test_a_reported_departure_is_checked_against_confirmed_and_its_reporters_own_waiting_arrivals(mss):
    users = people(mss)
    saved(users["force"], deployment(mss, "KEN", 10, "2025-01-01"), mss)
    arrival = saved(users["liaison"], deployment(mss, "KEN", 5, "2025-02-01"), mss)
    # 10 confirmed + 5 of its own waiting - 12 = 3: allowed.
    departure = saved(users["liaison"], deployment(mss, "KEN", 12, "2025-03-01", change="departure"), mss)
    # The other liaison's departure of 11 sees the confirmed 10 only (not the first liaison's 5): 10 - 11 = -1.
    with pytest.raises(ValidationError, match="strength -1"):
        record_save(
            actor=users["other_liaison"],
            record=deployment(mss, "KEN", 11, "2025-03-02", change="departure"),
            mission=mss,
        )
    # Nor the first liaison's waiting departure of 12: 10 - 8 = 2 is allowed.
    saved(users["other_liaison"], deployment(mss, "KEN", 8, "2025-03-02", change="departure"), mss)
    # Confirming the departure of 12 before the arrival it relies on: 10 - 12 = -2.
    with pytest.raises(ValidationError, match="strength -2"):
        record_review(actor=users["force"], record=departure, mission=mss, confirm=True, note="seen")
    record_review(actor=users["force"], record=arrival, mission=mss, confirm=True, note="seen")
    departure.refresh_from_db()
    record_review(actor=users["force"], record=departure, mission=mss, confirm=True, note="seen")
    assert build_brief(mss, D).strength.deployed == 3  # 10 + 5 - 12; the other liaison's 8 still waits


def test_a_reported_departure_in_an_import_is_checked_against_the_same_imports_arrivals(mss, tmp_path):
    users = people(mss)
    (tmp_path / "deployments.csv").write_text(
        "contributor,unit,category,change,count,date\n"
        "KEN,first,police,arrival,30,2025-03-01\nKEN,first,police,departure,20,2025-04-01\n"
    )
    import_records([tmp_path], "MSS", actor=users["liaison"])  # 30 - 20 = 10 of its own waiting records
    (tmp_path / "deployments.csv").write_text(
        "contributor,unit,category,change,count,date\nKEN,second,police,departure,5,2025-04-02\n"
    )
    with pytest.raises(ImportFailed):  # the other liaison sees no confirmed arrival: 0 - 5 = -5
        import_records([tmp_path], "MSS", actor=users["other_liaison"])


def test_history_keeps_who_reported_and_who_confirmed_with_the_note(mss):
    users = people(mss)
    record = saved(users["liaison"], deployment(mss, "KEN", 40, "2025-01-10"), mss)
    record_review(actor=users["force"], record=record, mission=mss, confirm=True, note="checked with the manifest")
    first, last = record.history.order_by("history_id")
    assert (first.history_user, first.review_state, first.reported_by) == (
        users["liaison"],
        ReviewState.REPORTED,
        users["liaison"],
    )
    assert (last.history_user, last.review_state, last.reviewed_by, last.review_note) == (
        users["force"],
        ReviewState.CONFIRMED,
        users["force"],
        "checked with the manifest",
    )
    assert last.reviewed_at is not None and last.reported_by == users["liaison"]


def test_only_an_officer_reviews_and_only_a_waiting_record(mss):
    users = people(mss)
    record = saved(users["liaison"], deployment(mss, "KEN", 40, "2025-01-10"), mss)
    with pytest.raises(ValidationError):
        record_review(actor=users["liaison"], record=record, mission=mss, confirm=True, note="mine")
    with pytest.raises(ValidationError):  # a finance officer keeps no deployment
        record_review(actor=users["finance"], record=record, mission=mss, confirm=True, note="not mine")
    record_review(actor=users["force"], record=record, mission=mss, confirm=False, note="no such flight")
    with pytest.raises(ValidationError):
        record_review(actor=users["force"], record=record, mission=mss, confirm=True, note="twice")
    record.refresh_from_db()
    assert (record.review_state, record.review_note) == ("rejected", "no such flight")
