"""Accounts with a known password, made up per run: there is no fixed password anywhere."""

import secrets

import pytest
from django.contrib.auth.base_user import AbstractBaseUser

from msaada.accounts.models import Role
from tests.factories import mission, person


@pytest.fixture
def password() -> str:
    return secrets.token_urlsafe(18)


@pytest.fixture
def officer(db, password: str) -> AbstractBaseUser:
    """A force officer on mission alpha, with an e-mail address for password resets."""
    alpha = mission("alpha", name="Mission alpha")
    return person(Role.FORCE, alpha, username="amina", email="amina@example.org", password=password)
