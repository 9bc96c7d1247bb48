"""`msaada createuser`: a user of each role with its scope, a password printed once, and bad input writing nothing."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import connections
from django.test import Client
from django.urls import reverse

from msaada.accounts.models import Profile, Role
from msaada.finance.models import Organization
from msaada.missions.models import Mission

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(autouse=True)
def world(db) -> None:
    for code in ["alpha", "bravo"]:
        Mission.objects.create(code=code, name=f"Mission {code}", host_country="HTI", lead_country="KEN")
    Organization.objects.create(key="canada", name="Government of Canada", kind="government")
    User.objects.create_user("taken")


def create(*args: str) -> str:
    """Run the command; return what it printed."""
    out = io.StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    return output.strip().splitlines()[-1]


ROLES = [
    (Role.ADMIN, [], []),
    (Role.FINANCE, ["--mission", "alpha"], ["alpha"]),
    (Role.LOGISTICS, ["--mission", "alpha"], ["alpha"]),
    (Role.FORCE, ["--mission", "alpha", "--mission", "bravo"], ["alpha", "bravo"]),
    (Role.OPERATIONS, ["--mission", "alpha"], ["alpha"]),
    (Role.LIAISON, ["--mission", "alpha", "--country", "KEN"], ["alpha"]),
    (Role.DONOR, ["--mission", "alpha", "--org", "canada"], ["alpha"]),
    (Role.OBSERVER, ["--mission", "bravo"], ["bravo"]),
]


@pytest.mark.parametrize(("role", "scope", "missions"), ROLES, ids=[role for role, *_rest in ROLES])
def test_creates_a_user_of_each_role_with_its_scope(role, scope, missions):
    output = create("newcomer", "--role", role, "--email", "newcomer@example.org", *scope)
    user = User.objects.get(username="newcomer")
    profile = Profile.objects.get(user=user)
    assert profile.role == role
    assert user.email == "newcomer@example.org"
    assert (user.is_staff, user.is_superuser) == ((True, True) if role == Role.ADMIN else (False, False))
    assert sorted(profile.missions.values_list("code", flat=True)) == missions
    assert profile.country == ("KEN" if role == Role.LIAISON else "")
    assert (profile.organization.key if profile.organization else "") == ("canada" if role == Role.DONOR else "")
    assert user.check_password(printed_password(output))


def test_the_printed_password_is_long_random_valid_and_logs_in():
    first = printed_password(create("first", "--role", "force", "--mission", "alpha"))
    second = printed_password(create("second", "--role", "force", "--mission", "alpha"))
    assert len(first) >= 16
    assert first != second
    validate_password(first, User.objects.get(username="first"))
    response = Client().post(reverse("login"), {"username": "first", "password": first})
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_the_password_is_printed_once_and_stored_only_hashed():
    output = create("first", "--role", "force", "--mission", "alpha")
    password = printed_password(output)
    assert output.count(password) == 1
    assert password not in User.objects.get(username="first").password


def test_a_lower_case_country_code_is_read_as_the_code():
    create("liaison", "--role", "liaison", "--country", "jam", "--mission", "alpha")
    assert Profile.objects.get(user__username="liaison").country == "JAM"


BAD = {
    "unknown role": (["--role", "chief", "--mission", "alpha"], "unknown role 'chief'"),
    "liaison without country": (["--role", "liaison", "--mission", "alpha"], "country: a contributor liaison needs"),
    "not a country": (["--role", "liaison", "--country", "XYZ", "--mission", "alpha"], "country: unknown country"),
    "country name": (["--role", "liaison", "--country", "Kenya", "--mission", "alpha"], "country: unknown country"),
    "country on another role": (
        ["--role", "force", "--country", "KEN", "--mission", "alpha"],
        "country: only a contributor liaison",
    ),
    "donor without org": (["--role", "donor", "--mission", "alpha"], "organization: a donor needs"),
    "unknown org": (["--role", "donor", "--org", "atlantis", "--mission", "alpha"], "no organization with the key"),
    "org on another role": (
        ["--role", "finance", "--org", "canada", "--mission", "alpha"],
        "organization: only a donor",
    ),
    "unknown mission": (
        ["--role", "force", "--mission", "alpha", "--mission", "zulu"],
        "no mission with the code 'zulu'",
    ),
    "no mission": (["--role", "observer"], "missions: every role but admin needs at least one mission"),
    "bad e-mail": (["--role", "force", "--mission", "alpha", "--email", "not-an-address"], "email:"),
}


@pytest.mark.parametrize(("args", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_one_line_and_writes_nothing(args, message):
    users, profiles = User.objects.count(), Profile.objects.count()
    with pytest.raises(CommandError) as refused:
        create("newcomer", *args)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert (User.objects.count(), Profile.objects.count()) == (users, profiles)


def test_an_existing_username_is_refused_and_left_alone():
    before = User.objects.get(username="taken").password
    with pytest.raises(CommandError, match="username: A user with that username already exists"):
        create("taken", "--role", "admin")
    taken = User.objects.get(username="taken")
    assert (taken.password, taken.is_superuser) == (before, False)
    assert not Profile.objects.filter(user=taken).exists()


def test_on_the_command_line_bad_input_exits_non_zero_with_one_line(capsys, monkeypatch):
    # The command line closes every connection when it ends, which would end this test's transaction too.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["msaada", "createuser", "newcomer", "--role", "donor", "--mission", "alpha"])
    assert exit_status.value.code != 0
    error = capsys.readouterr().err
    assert re.fullmatch(r"CommandError: organization: a donor needs an organization\n", error)
    assert not User.objects.filter(username="newcomer").exists()
