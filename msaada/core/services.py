"""The writes of every way in: save, archive and restore, each one durable transaction with the acting user.

Each write checks the record (core/rules.py: fields, constraints, the model's rules), writes it, runs the
rules over the stored records after the write and re-checks that the record stays within the actor's
scope, inside its transaction: when anything fails the transaction is rolled back and a ValidationError
names the fields at fault. `actor=None` is the command line or the system, which may change anything.
"""

import copy
from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from msaada.core.records import Fact
from msaada.core.rules import check_after, check_record, subjects_of

# Who may change which records (accounts.scopes.changeable), registered by accounts, which builds on core.
ScopeCheck = Callable[[AbstractBaseUser, type[models.Model]], models.QuerySet]
_scopes: list[ScopeCheck] = []


def register_scope(check: ScopeCheck) -> None:
    """Make the write services ask `check` for the records an actor may change."""
    _scopes[:] = [check]


def record_save(
    *,
    actor: AbstractBaseUser | None,
    record: models.Model,
    mission: models.Model | None,
    sources: list[models.Model] | None = None,
) -> None:
    """Check and save a record with the sources it cites (None leaves its citations as they are)."""
    with transaction.atomic(durable=True):
        _save_new_parents(record)
        check_record(record, mission=mission)
        subjects = subjects_of(record)
        record.save()
        check_after(mission=mission, subjects=subjects)
        cite(record, sources)
        _check_scope(actor, record)


def record_archive(*, actor: AbstractBaseUser | None, record: Fact, mission: models.Model | None) -> None:
    """Archive a record, unless leaving it out breaks a rule (an arrival later departures rely on)."""
    with transaction.atomic(durable=True):
        # Scope is asked of the record as it stands: an archived mission is out of everyone's scope.
        _check_scope(actor, record)
        subjects = subjects_of(record)
        record.archive()
        check_after(mission=mission, subjects=subjects)


def record_restore(
    *, actor: AbstractBaseUser | None, version: models.Model, mission: models.Model | None
) -> models.Model:
    """Bring a record back to the values of one of its versions, as a new version; a record restored is current.

    The version must pass the checks of any other write.
    """
    record: models.Model = version.instance  # type: ignore[attr-defined]  # simple_history adds it, untyped
    # The version's copy stands for the stored record, so uniqueness checks must not count it twice.
    record._state.adding, record._state.db = False, version._state.db
    if isinstance(record, Fact):
        record.archived_at = None
    with transaction.atomic(durable=True):
        check_record(record, mission=mission)
        subjects = subjects_of(record)
        record.save()
        check_after(mission=mission, subjects=subjects)
        _check_scope(actor, record)
    return record


def check_write(record: models.Model, *, actor: AbstractBaseUser | None, mission: models.Model | None) -> None:
    """Raise what the checks after a write would say of saving `record` (rules, scope), writing nothing.

    A page that validates before it saves (the admin) shows them next to the fields this way.
    """
    with transaction.atomic():
        subjects = subjects_of(record)
        trial = copy.copy(record)  # a copy, so that a new record stays new once the trial is rolled back
        trial.save()
        try:
            check_after(mission=mission, subjects=subjects)
            _check_scope(actor, trial)
        finally:
            transaction.set_rollback(True)


def cite(record: models.Model, sources: list[models.Model] | None) -> None:
    """Make the record cite exactly these sources; one citation saved or deleted at a time, so history keeps it."""
    if sources is None:
        return
    citation = apps.get_model("sources", "Citation")  # named: the sources app builds on this one
    content_type = ContentType.objects.get_for_model(record)
    current = {c.source_id: c for c in citation.objects.filter(content_type=content_type, object_id=record.pk)}
    wanted = {source.pk for source in sources}
    for source_id in wanted - current.keys():
        citation.objects.create(content_type=content_type, object_id=record.pk, source_id=source_id)
    for source_id in current.keys() - wanted:
        current[source_id].delete()


def _save_new_parents(record: models.Model) -> None:
    """Save the new records it points at (a liaison's country on its first record), as the import makes them."""
    for field in record._meta.concrete_fields:
        # The concrete relations of a model are its foreign keys (one-to-one ones included).
        if isinstance(field, models.ForeignKey) and field.is_cached(record):
            parent = field.get_cached_value(record)
            if parent is not None and parent.pk is None:
                parent.save()
                setattr(record, field.name, parent)


def _check_scope(actor: AbstractBaseUser | None, record: models.Model) -> None:
    """Refuse a write that puts the record out of the actor's reach; with no scope check known, refuse all."""
    if actor is None:
        return
    if not _scopes or not _scopes[0](actor, type(record)).filter(pk=record.pk).exists():
        raise ValidationError(_("This change would put the record outside what you may change."))
