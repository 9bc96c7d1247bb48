"""Scoping against DESIGN.md's role table: what each role may see and change, on a mission and off it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import Http404

from msaada.accounts.models import Role
from msaada.accounts.scopes import changeable, may_keep, mission_or_404, missions, pickable, visible
from msaada.finance.models import Expenditure, Flow, Fund, FxRate
from msaada.forces.models import Deployment, Pledge
from msaada.logistics.models import Asset, Contract, ServiceLine
from msaada.missions.models import Incident, Mandate, Mission, Site, SiteStatus
from msaada.plans.models import CostLine, CostModel, PlannedContract, PlannedFlow, Scenario, Target
from tests.accounts.scenario import MISSION_BOUND, SHARED, two_missions
from tests.factories import organization, person

pytestmark = pytest.mark.django_db

EVERY_MODEL = [Mission, *MISSION_BOUND, *SHARED]
SUPPORT_OFFICE = [Role.FINANCE, Role.LOGISTICS, Role.FORCE, Role.OPERATIONS]

# DESIGN.md's "may change" column, written out again here so the test does not read the code it checks.
CHANGES = {
    Role.FINANCE: {Fund, Flow, Expenditure, FxRate, CostModel, CostLine, PlannedFlow, Scenario},
    Role.LOGISTICS: {ServiceLine, Contract, Asset, PlannedContract, Scenario},
    Role.FORCE: {Mandate, Pledge, Deployment, Target, Scenario},
    Role.OPERATIONS: {Site, SiteStatus, Incident, Scenario},
    Role.LIAISON: {Pledge, Deployment},
    Role.DONOR: {Flow},
}
NAMED_IN_THE_TABLE = set().union(*CHANGES.values())


def pks(records: models.QuerySet) -> set[int]:
    return set(records.values_list("pk", flat=True))


def everything(model: type[models.Model]) -> set[int]:
    return pks(model._default_manager.all())


def of_alpha(model: type[models.Model], **only) -> set[int]:
    return pks(model._default_manager.filter(mission__code="alpha", **only))


def seen(user, of=visible) -> dict[str, set[int]]:
    return {model.__name__: pks(of(user, model)) for model in EVERY_MODEL}


@pytest.fixture
def alpha():
    return two_missions()[0]


@pytest.mark.parametrize("role", SUPPORT_OFFICE)
def test_support_office_sees_every_record_of_its_missions_and_the_shared_tables(alpha, role):
    user = person(role, alpha)
    expected = {model.__name__: of_alpha(model) for model in MISSION_BOUND}
    expected |= {model.__name__: everything(model) for model in SHARED}
    expected["Mission"] = {alpha.pk}
    assert seen(user) == expected
    assert all(expected[model.__name__] < everything(model) for model in MISSION_BOUND)


@pytest.mark.parametrize("role", SUPPORT_OFFICE)
def test_support_office_changes_what_the_role_table_gives_it_and_not_the_others_records(alpha, role):
    user = person(role, *Mission.objects.all())
    for model in NAMED_IN_THE_TABLE:
        allowed = pks(changeable(user, model))
        if model in CHANGES[role]:
            assert allowed == pks(visible(user, model)) != set(), model
        else:
            assert allowed == set(), model


def test_finance_changes_money_and_rates_but_not_deployments(alpha):
    finance = person(Role.FINANCE, alpha)
    assert pks(changeable(finance, Flow)) == of_alpha(Flow)
    assert pks(changeable(finance, Deployment)) == set()
    assert pks(changeable(finance, Pledge)) == set()


def test_exchange_rates_shared_by_every_mission_are_kept_only_by_finance_of_every_mission(alpha):
    # A rate changed by alpha's finance officer would change bravo's figures too.
    of_alpha_only = person(Role.FINANCE, alpha, username="alpha-finance")
    assert not may_keep(of_alpha_only, FxRate)
    assert pks(changeable(of_alpha_only, FxRate)) == set()
    of_both = person(Role.FINANCE, *Mission.objects.all(), username="finance")
    assert may_keep(of_both, FxRate)
    assert pks(changeable(of_both, FxRate)) == everything(FxRate)


def test_liaison_sees_and_changes_only_its_countrys_pledges_and_deployments_of_its_missions(alpha):
    liaison = person(Role.LIAISON, alpha, country="KEN")
    kenyan = {
        "Pledge": of_alpha(Pledge, contributor__code="KEN"),
        "Deployment": of_alpha(Deployment, contributor__code="KEN"),
    }
    nothing_else = {model.__name__: set() for model in EVERY_MODEL if model is not Mission} | kenyan
    assert {name: ids for name, ids in seen(liaison).items() if name != "Mission"} == nothing_else
    assert {name: ids for name, ids in seen(liaison, changeable).items() if name != "Mission"} == nothing_else
    assert len(kenyan["Pledge"]) == 2
    assert kenyan["Pledge"] < everything(Pledge)


def test_donor_sees_and_changes_only_its_organizations_flows_on_its_missions(alpha):
    donor = person(Role.DONOR, alpha, organization=organization("canada"))
    canadian = {"Flow": of_alpha(Flow, donor__key="canada")}
    nothing_else = {model.__name__: set() for model in EVERY_MODEL if model is not Mission} | canadian
    assert {name: ids for name, ids in seen(donor).items() if name != "Mission"} == nothing_else
    assert {name: ids for name, ids in seen(donor, changeable).items() if name != "Mission"} == nothing_else
    assert len(canadian["Flow"]) == 1


def test_observer_sees_no_record_and_changes_nothing_but_has_its_missions_aggregates(alpha):
    observer = person(Role.OBSERVER, alpha)
    nothing = {model.__name__: set() for model in EVERY_MODEL}
    assert seen(observer) == nothing
    assert seen(observer, changeable) == nothing
    assert list(missions(observer)) == [alpha]


@pytest.mark.parametrize("role", [*SUPPORT_OFFICE, Role.LIAISON, Role.DONOR, Role.OBSERVER])
def test_nothing_of_a_mission_the_user_is_not_on(alpha, role):
    user = person(
        role,
        alpha,
        country="KEN" if role == Role.LIAISON else "",
        organization=organization("canada") if role == Role.DONOR else None,
    )
    for model in [Mission, *MISSION_BOUND]:
        assert not visible(user, model).filter(**{"code" if model is Mission else "mission__code": "bravo"}).exists()
    assert list(missions(user)) == [alpha]
    with pytest.raises(Http404):
        mission_or_404(user, "bravo")
    assert mission_or_404(user, "alpha") == alpha


def test_a_mission_out_of_scope_answers_like_one_that_does_not_exist(alpha):
    user = person(Role.FORCE, alpha)
    with pytest.raises(Http404) as out_of_scope:
        mission_or_404(user, "bravo")
    with pytest.raises(Http404) as missing:
        mission_or_404(user, "charlie")
    assert str(out_of_scope.value) == str(missing.value)


def test_archived_records_stay_visible_so_they_can_be_restored(alpha):
    archived = Pledge.objects.filter(mission=alpha, archived_at__isnull=False).get()
    for user in [person(Role.FORCE, alpha), person(Role.LIAISON, alpha, country="KEN")]:
        assert archived in visible(user, Pledge)
        assert archived in changeable(user, Pledge)


@pytest.mark.parametrize("superuser", [False, True], ids=["admin profile", "superuser without profile"])
def test_admin_sees_and_changes_everything_of_every_mission(alpha, superuser):
    admin = person(None if superuser else Role.ADMIN, superuser=superuser)
    every = {model.__name__: everything(model) for model in EVERY_MODEL}
    assert seen(admin) == every
    assert seen(admin, changeable) == every
    assert {mission.code for mission in missions(admin)} == {"alpha", "bravo"}


def test_no_role_means_nothing(alpha):
    nobody = person(None)
    inactive = person(Role.FORCE, alpha)
    inactive.is_active = False
    nothing = {model.__name__: set() for model in EVERY_MODEL}
    for user in [AnonymousUser(), nobody, inactive]:
        assert seen(user) == nothing
        assert not missions(user).exists()


def test_a_donor_picks_among_its_missions_funds_though_it_sees_none_in_detail(alpha):
    donor = person(Role.DONOR, alpha, organization=organization("canada"))
    assert pks(visible(donor, Fund)) == set()
    assert pks(pickable(donor, Fund)) == of_alpha(Fund) != set()
    assert of_alpha(Fund) < everything(Fund)
    liaison = person(Role.LIAISON, alpha, country="KEN")
    assert pks(pickable(liaison, Fund)) == set()
