"""The writes of data entry: save, archive and restore, each one transaction with the acting user.

Each write runs the rules across rows after the change, inside its transaction, the way the import
does; when a rule fails, or the record would leave the user's scope, the transaction is rolled back
and a ValidationError names the fields at fault.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from msaada.accounts.scopes import changeable
from msaada.core.records import Fact
from msaada.entry.entities import BY_MODEL
from msaada.entry.forms import cite, needs_rate, rate_problems, strength_problems
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.missions.models import Mission
from msaada.sources.models import Source


def record_save(
    *, actor: AbstractBaseUser, record: models.Model, mission: Mission, sources: list[Source] | None
) -> None:
    """Save a record validated by its form, with the sources it cites."""
    with transaction.atomic(durable=True):
        _save_contributor(record)
        _checked_save(actor, record, mission)
        cite(record, sources)


def record_archive(*, actor: AbstractBaseUser, record: Fact, mission: Mission) -> None:
    """Archive a record, unless leaving it out breaks a rule (an arrival later departures rely on)."""
    with transaction.atomic(durable=True):
        record.archive()
        _check_rules(actor, record, mission, _contributors(record))


def record_restore(*, actor: AbstractBaseUser, version: models.Model, mission: Mission) -> models.Model:
    """Bring a record back to the values of one of its versions, as a new version; a record restored is current.

    The version must pass the validation a form would run, and the rules across rows.
    """
    record = version.instance
    # The version's copy stands for the stored record, so uniqueness checks must not count it twice.
    record._state.adding, record._state.db = False, version._state.db
    if isinstance(record, Fact):
        record.archived_at = None
    with transaction.atomic(durable=True):
        record.full_clean(exclude=["identity", "archived_at"])
        if needs_rate(BY_MODEL[type(record)]) and (problems := rate_problems(record, mission)):
            raise ValidationError(problems)
        _checked_save(actor, record, mission)
    return record


def _save_contributor(record: models.Model) -> None:
    """Make a liaison's country a contributor on its first record, as the import makes one on first use."""
    if isinstance(record, Pledge | Deployment) and record.contributor_id is None:
        record.contributor = Contributor.objects.get_or_create(code=record.contributor.code)[0]


def _contributors(record: models.Model) -> set[str]:
    return {record.contributor.code} if isinstance(record, Deployment) else set()


def _checked_save(actor: AbstractBaseUser, record: models.Model, mission: Mission) -> None:
    codes = _contributors(record)
    if isinstance(record, Deployment) and record.pk:
        codes |= set(Deployment.objects.filter(pk=record.pk).values_list("contributor__code", flat=True))
    record.save()
    _check_rules(actor, record, mission, codes)


def _check_rules(actor: AbstractBaseUser, record: models.Model, mission: Mission, codes: set[str]) -> None:
    """Refuse, rolling back, a write that breaks a rule across rows or puts the record out of the actor's reach."""
    if codes and (problems := strength_problems(mission, codes)):
        raise ValidationError(problems)
    if not changeable(actor, type(record)).filter(pk=record.pk).exists():
        raise ValidationError(_("This change would put the record outside what you may change."))
