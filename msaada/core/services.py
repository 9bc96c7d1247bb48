"""The writes of every way in: save, archive and restore, each one durable transaction with the acting user.

Each write checks the record (core/rules.py: fields, constraints, the model's rules), writes it, runs the
rules over the stored records after the write and re-checks that the record stays within the actor's
scope, inside its transaction: when anything fails the transaction is rolled back and a ValidationError
names the fields at fault. `actor=None` is the command line or the system, which may change anything.

A reviewed record (core/review.py) gets its review state here, from the writer's role: reported when a
reporter (a contributor liaison, a donor) writes it, confirmed when an officer creates it; an officer's
change or restore keeps the state the record has. `record_review` is the officer's confirm or reject.
"""

import copy
from collections.abc import Callable
from typing import cast

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msaada.core.records import Fact
from msaada.core.review import REVIEW_FIELDS, Reviewed, ReviewState
from msaada.core.rules import check_after, check_record, subjects_of

# Who may change which records (accounts.scopes.changeable), registered by accounts, which builds on core.
ScopeCheck = Callable[[AbstractBaseUser, type[models.Model]], models.QuerySet]
_scopes: list[ScopeCheck] = []


def register_scope(check: ScopeCheck) -> None:
    """Make the write services ask `check` for the records an actor may change."""
    _scopes[:] = [check]


# Whose writes of a kind wait for review (accounts.scopes.reports), registered by accounts too.
ReportCheck = Callable[[AbstractBaseUser, type[models.Model]], bool]
_reporters: list[ReportCheck] = []


def register_reporters(check: ReportCheck) -> None:
    """Make the write services ask `check` whether an actor's write of a kind is reported, not confirmed."""
    _reporters[:] = [check]


def reports(actor: AbstractBaseUser | None, model: type[models.Model]) -> bool:
    """Whether the actor's writes of this kind wait for an officer's review."""
    return actor is not None and issubclass(model, Reviewed) and bool(_reporters) and _reporters[0](actor, model)


def mark_review(actor: AbstractBaseUser | None, record: models.Model) -> None:
    """Set a reviewed record's state from the writer's role, before it is written.

    A reporter's write (new or a change) is reported and waits again; an officer's new record is confirmed;
    an officer's change keeps the state the record has.
    """
    if not isinstance(record, Reviewed):
        return
    if reports(actor, type(record)):
        record.review_state, record.reported_by_id = ReviewState.REPORTED, actor.pk if actor else None
        record.reviewed_by, record.reviewed_at, record.review_note = None, None, ""
    elif record.pk is None:
        record.review_state = ReviewState.CONFIRMED


def _reporter(record: models.Model) -> int | None:
    """Return the pk of the user whose waiting records count with the confirmed ones in the checks after this write."""
    return record.reported_by_id if isinstance(record, Reviewed) and record.waiting else None


def record_save(
    *,
    actor: AbstractBaseUser | None,
    record: models.Model,
    mission: models.Model | None,
    sources: list[models.Model] | None = None,
) -> None:
    """Check and save a record with the sources it cites (None leaves its citations as they are)."""
    with transaction.atomic(durable=True):
        _write(actor, record, mission, sources)


def record_save_all(
    *,
    actor: AbstractBaseUser | None,
    records: list[tuple[models.Model, list[models.Model] | None]],
    mission: models.Model | None,
) -> dict[int, ValidationError]:
    """Check and save many records, each with its sources, all or nothing, in one durable transaction.

    Each record is written in its own savepoint, in order, with every check of `record_save`, so that a
    later record is checked against the earlier ones. Return the refusal of each record by its index;
    when there is any, nothing is written.
    """
    refused: dict[int, ValidationError] = {}
    with transaction.atomic(durable=True):
        for index, (record, sources) in enumerate(records):
            try:
                with transaction.atomic():
                    _write(actor, record, mission, sources)
            except ValidationError as error:
                refused[index] = error
        if refused:
            transaction.set_rollback(True)
    return refused


def _write(
    actor: AbstractBaseUser | None,
    record: models.Model,
    mission: models.Model | None,
    sources: list[models.Model] | None,
) -> None:
    _save_new_parents(record)
    _by(actor, record)
    mark_review(actor, record)
    check_record(record, mission=mission)
    subjects = subjects_of(record)
    record.save()
    check_after(mission=mission, subjects=subjects, reporter=_reporter(record))
    cite(record, sources)
    _check_scope(actor, record)


def record_archive(*, actor: AbstractBaseUser | None, record: Fact, mission: models.Model | None) -> None:
    """Archive a record, unless leaving it out breaks a rule (an arrival later departures rely on)."""
    with transaction.atomic(durable=True):
        # Scope is asked of the record as it stands: an archived mission is out of everyone's scope.
        _check_scope(actor, record)
        subjects = subjects_of(record)
        _by(actor, record)
        record.archive()
        check_after(mission=mission, subjects=subjects, reporter=_reporter(record))


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
        _keep_stored_review(record)
        _by(actor, record)
        mark_review(actor, record)
        check_record(record, mission=mission)
        subjects = subjects_of(record)
        record.save()
        check_after(mission=mission, subjects=subjects, reporter=_reporter(record))
        _check_scope(actor, record)
    return record


def record_review(
    *, actor: AbstractBaseUser | None, record: Reviewed, mission: models.Model | None, confirm: bool, note: str
) -> None:
    """Confirm or reject a reported record, with a note, as an officer who may change it.

    Confirming runs every check of a write with the record counted (a departure needs the confirmed
    arrivals before it); a rejected record counts nowhere, so nothing is checked of it.
    """
    with transaction.atomic(durable=True):
        _check_scope(actor, record)
        if reports(actor, type(record)) or not record.waiting:
            raise ValidationError(_("Only an officer of the mission confirms or rejects a reported record."))
        record.review_state = ReviewState.CONFIRMED if confirm else ReviewState.REJECTED
        record.reviewed_by_id = actor.pk if actor else None
        record.reviewed_at, record.review_note = timezone.now(), note
        _by(actor, record)
        if confirm:
            check_record(record, mission=mission)
        subjects = subjects_of(record)
        record.save()
        check_after(mission=mission, subjects=subjects)


def check_write(record: models.Model, *, actor: AbstractBaseUser | None, mission: models.Model | None) -> None:
    """Raise what the checks after a write would say of saving `record` (rules, scope), writing nothing.

    A page that validates before it saves (the admin) shows them next to the fields this way.
    """
    with transaction.atomic():
        subjects = subjects_of(record)
        trial = copy.copy(record)  # a copy, so that a new record stays new once the trial is rolled back
        mark_review(actor, trial)
        trial.save()
        try:
            check_after(mission=mission, subjects=subjects, reporter=_reporter(trial))
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


def _by(actor: AbstractBaseUser | None, record: models.Model) -> None:
    """Name the actor in the version the write makes, also when no request names the user (the API, a command)."""
    if actor is not None:
        record._history_user = actor  # type: ignore[attr-defined]  # simple_history reads it when it records the version


def _keep_stored_review(record: models.Model) -> None:
    """Give a record restored from a version its stored review, which is a step taken, not a value to go back to."""
    if isinstance(record, Reviewed):
        stored = type(record)._default_manager.filter(pk=record.pk).values(*REVIEW_FIELDS).first() or {}
        for name, value in stored.items():
            setattr(record, cast(models.Field, type(record)._meta.get_field(name)).attname, value)


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
