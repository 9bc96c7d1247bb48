"""The force's rules as query expressions: what a deployment does to the strength, what a pledge counts for.

The brief, the dashboard's series and the strength rule all count with these, so that each rule
is written once.
"""

from django.db.models import Case, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from msaada.forces.models import Change, Pledge, PledgeStatus

# Of two pledges of one contributor and category, the later date replaces the earlier; on the
# same date, the one recorded later (the higher pk).
LATEST_FIRST = ("-date", "-pk")


def signed_count() -> Case:
    """Return a deployment's count as it moves the strength: an arrival adds it, a departure takes it away."""
    return Case(When(change=Change.DEPARTURE, then=F("count") * -1), default=F("count"), output_field=IntegerField())


def counted() -> Case:
    """Return a pledge's count as it adds to the pledged total: zero once withdrawn."""
    return Case(When(status=PledgeStatus.WITHDRAWN, then=Value(0)), default=F("count"), output_field=IntegerField())


def _same_line(pledges: QuerySet[Pledge]) -> QuerySet[Pledge]:
    """Return the pledges of the outer pledge's contributor and category, latest first."""
    return pledges.filter(contributor=OuterRef("contributor"), category=OuterRef("category")).order_by(*LATEST_FIRST)


def latest_pledges(pledges: QuerySet[Pledge]) -> QuerySet[Pledge]:
    """Return the pledges that no other of the same contributor and category replaces."""
    return pledges.filter(pk=Subquery(_same_line(pledges).values("pk")[:1]))


def replaced_count(pledges: QuerySet[Pledge]) -> Coalesce:
    """Return, for each pledge, the counted count of the pledge among `pledges` it replaces (none: zero)."""
    earlier = (
        _same_line(pledges)
        .filter(Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk")))
        .annotate(counted=counted())
        .values("counted")[:1]
    )
    return Coalesce(Subquery(earlier), Value(0), output_field=IntegerField())
