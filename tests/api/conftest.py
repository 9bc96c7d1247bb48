"""The data-entry pages' world (two missions, a record of every kind, a user per role), for the API."""

import pytest
from rest_framework.test import APIClient

from tests.entry.conftest import client_of, user_of, world  # noqa: F401  # fixtures shared with the pages


@pytest.fixture
def api_of(user_of):  # noqa: F811
    """Return an API client signed in (by session) as a new user of a role, and that user."""

    def make(role: str) -> tuple[APIClient, object]:
        user = user_of(role)
        client = APIClient()
        client.force_authenticate(user)
        return client, user

    return make
