"""The rules across rows, registered per model by the app that owns each, and the one check of a record.

A rule that reads only the record and what is stored (an amount needs an exchange rate) is checked
before the write; a rule over the records together (a contributor's strength never falls below zero)
is checked after it, inside the write's transaction, which is rolled back when it fails. Every way in
(a form, the import, restore, the admin) runs the same rules through this registry.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models

# Filled by the services, not by the user: no check of a record looks at them.
UNCHECKED = ("identity", "archived_at")


@dataclass(frozen=True)
class Finding:
    """A rule broken: the field at fault, the message, the value quoted and what it is about."""

    field: str
    message: str
    value: str | None = None
    subject: Hashable = None


class RowRule:
    """A rule checked on one record before it is written; `context` is read once for a batch of records."""

    reads: tuple[str, ...] = ()  # the fields the rule reads: it is not run while one of them is invalid

    def context(self, mission: models.Model | None) -> object:
        """Return what the rule reads from the database, once for every record checked together."""
        return None

    def check(self, record: models.Model, *, mission: models.Model | None, context: object) -> list[Finding]:
        """Return what the record breaks."""
        raise NotImplementedError


class AfterRule:
    """A rule over the stored records, checked after a write inside its transaction."""

    def subjects(self, record: models.Model) -> set[Hashable]:
        """Return what the write of `record` may change for the rule, read before the write."""
        raise NotImplementedError

    def check(
        self, *, mission: models.Model | None, subjects: set[Hashable] | None, reporter: int | None = None
    ) -> list[Finding]:
        """Return what the stored records break, for the given subjects only, or all when None.

        The records that count are the confirmed ones (core/review.py); after a reporter's write, the
        records that reporter has reported and that still wait count with them (`reporter`: the user's pk).
        """
        raise NotImplementedError


Rule = TypeVar("Rule", RowRule, AfterRule)

_row_rules: dict[type[models.Model], list[RowRule]] = defaultdict(list)
_after_rules: dict[type[models.Model], list[AfterRule]] = defaultdict(list)


def register(model: type[models.Model], rule: RowRule | AfterRule) -> None:
    """Make every write of `model` run `rule`; each app registers its own rules when it is ready."""
    if isinstance(rule, AfterRule):
        _add(_after_rules[model], rule)
    else:
        _add(_row_rules[model], rule)


def _add(rules: list[Rule], rule: Rule) -> None:
    if rule not in rules:
        rules.append(rule)


def row_rules(model: type[models.Model]) -> list[RowRule]:
    """Return the rules checked on each record of `model` before it is written."""
    return _row_rules.get(model, [])


def after_rules(model: type[models.Model]) -> list[AfterRule]:
    """Return the rules checked after a write of a record of `model`."""
    return _after_rules.get(model, [])


def row_findings(record: models.Model, *, mission: models.Model | None, invalid: Iterable[str] = ()) -> list[Finding]:
    """Return what the record breaks of its model's rules, leaving out those that read an invalid field."""
    invalid = set(invalid)
    findings: list[Finding] = []
    for rule in row_rules(type(record)):
        if invalid.isdisjoint(rule.reads):
            findings += rule.check(record, mission=mission, context=rule.context(mission))
    return findings


def as_error(findings: Iterable[Finding]) -> ValidationError:
    """Return the findings as one ValidationError keyed by field, as a form shows it."""
    by_field: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        by_field[finding.field].append(finding.message)
    return ValidationError(dict(by_field))


def check_record(record: models.Model, *, mission: models.Model | None) -> None:
    """Check a record before it is written: its fields, `clean()`, its constraints and its model's rules.

    Raise one ValidationError keyed by field with every problem found.
    """
    errors: dict[str, list[str]] = {}
    try:
        record.full_clean(exclude=list(UNCHECKED))
    except ValidationError as invalid:
        errors = invalid.message_dict
    for finding in row_findings(record, mission=mission, invalid=errors):
        errors.setdefault(finding.field, []).append(finding.message)
    if errors:
        raise ValidationError(errors)


def subjects_of(record: models.Model) -> dict[AfterRule, set[Hashable]]:
    """Return, per rule checked after a write of the record, what the write may change: read it before."""
    return {rule: rule.subjects(record) for rule in after_rules(type(record))}


def check_after(
    *, mission: models.Model | None, subjects: dict[AfterRule, set[Hashable]], reporter: int | None = None
) -> None:
    """Check, after a write, the rules over the stored records that the write may have broken."""
    findings = [
        finding
        for rule, some in subjects.items()
        for finding in rule.check(mission=mission, subjects=some, reporter=reporter)
    ]
    if findings:
        raise as_error(findings)
