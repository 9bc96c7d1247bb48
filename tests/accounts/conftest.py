"""Accounts with a known password, made up per run: there is no fixed password anywhere."""

import secrets
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import translation

from msaada.accounts.models import Profile, Role
from msaada.missions.models import Mission


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    yield
    # A page that switched language leaves it active in this thread; later tests expect the default.
    translation.deactivate()


@pytest.fixture
def password() -> str:
    return secrets.token_urlsafe(18)


@pytest.fixture
def officer(db, password: str) -> AbstractBaseUser:
    """A force officer on mission alpha, with an e-mail address for password resets."""
    user = get_user_model().objects.create_user("amina", email="amina@example.org", password=password)
    alpha = Mission.objects.create(code="alpha", name="Mission alpha", host_country="HTI", lead_country="KEN")
    Profile.objects.create(user=user, role=Role.FORCE).missions.set([alpha])
    return user
