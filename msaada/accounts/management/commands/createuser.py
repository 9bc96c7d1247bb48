"""`msaada createuser`: add a user with a role and scope, and print the password generated for them once."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from msaada.accounts.models import Role
from msaada.accounts.services import user_create
from msaada.finance.models import Organization
from msaada.missions.models import Mission


def one_line(error: ValidationError) -> str:
    """Return every message of a validation error on one line, each after the field it concerns."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())


class Command(BaseCommand):
    help = (
        "Create a user with a role and print a freshly generated password, shown only this once. "
        f"Roles: {', '.join(Role.values)}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help=f"one of {', '.join(Role.values)}")
        parser.add_argument("--country", default="", help="a contributor liaison's country, ISO 3166 alpha-3 (KEN)")
        parser.add_argument("--org", default="", help="a donor's organization, by its key")
        parser.add_argument(
            "--mission", action="append", default=[], dest="missions", help="a mission code; repeat for several"
        )
        parser.add_argument("--email", default="", help="the address password resets are sent to")

    def handle(
        self, *args, username: str, role: str, country: str, org: str, missions: list[str], email: str, **options
    ) -> None:
        if role not in Role.values:
            roles = ", ".join(Role.values)
            raise CommandError(_("unknown role %(role)r: choose one of %(roles)s") % {"role": role, "roles": roles})
        try:
            user, password = user_create(
                username=username,
                role=role,
                country=country.upper(),
                organization=self._organization(org),
                missions=self._missions(missions),
                email=email,
            )
        except ValidationError as error:
            raise CommandError(one_line(error)) from None
        self.stdout.write(
            _("Created %(username)s (%(role)s). Password, shown only this once:")
            % {"username": user.get_username(), "role": Role(role).label}
        )
        self.stdout.write(password)

    def _organization(self, key: str) -> Organization | None:
        if not key:
            return None
        try:
            return Organization.objects.current().get(key=key)
        except Organization.DoesNotExist:
            raise CommandError(_("no organization with the key %(key)r") % {"key": key}) from None

    def _missions(self, codes: list[str]) -> list[Mission]:
        found = list(Mission.objects.current().filter(code__in=codes))
        unknown = sorted(set(codes) - {mission.code for mission in found})
        if unknown:
            raise CommandError(_("no mission with the code %(codes)s") % {"codes": ", ".join(map(repr, unknown))})
        return found
