"""Writes on accounts: a new user with a role, a scope and a password generated for them."""

import secrets
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from msaada.accounts.models import Profile, Role
from msaada.finance.models import Organization
from msaada.missions.models import Mission

# 18 random bytes print as 24 URL-safe characters: far above the validators' minimum, easy to paste.
PASSWORD_BYTES = 18
PASSWORD_TRIES = 10


def password_generate(*, user: AbstractBaseUser) -> str:
    """Return a fresh random password that the site's password validators accept for this user.

    There is no default password anywhere: every account gets one of these, printed once.
    A random one fails a validator only by a fluke (all digits, close to the username), so draw again.
    """
    rejection = None
    for _attempt in range(PASSWORD_TRIES):
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        try:
            validate_password(password, user)
        except ValidationError as error:
            rejection = error
        else:
            return password
    raise rejection


def user_create(
    *,
    username: str,
    role: str,
    country: str = "",
    organization: Organization | None = None,
    missions: Iterable[Mission] = (),
    email: str = "",
) -> tuple[AbstractBaseUser, str]:
    """Create a user with a profile and a generated password; return both. Invalid input writes nothing.

    An admin also gets Django's admin site (staff and superuser); no other role does.
    """
    is_admin = role == Role.ADMIN
    user = get_user_model()(username=username, email=email, is_staff=is_admin, is_superuser=is_admin)
    password = password_generate(user=user)
    user.set_password(password)
    user.full_clean()
    profile = Profile(role=role, country=country, organization=organization)
    profile.full_clean(exclude=["user"])
    missions = list(missions)
    if not is_admin and not missions:
        raise ValidationError({"missions": _("every role but admin needs at least one mission")})
    with transaction.atomic(durable=True):
        user.save()
        profile.user = user
        profile.save()
        profile.missions.set(missions)
    return user, password
