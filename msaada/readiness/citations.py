"""Which citations name a record: queries the sources behind a figure and its illustrative mark are found by."""

from django.db import models
from django.db.models import Exists, OuterRef, Q

from msaada.sources.models import Citation, SourceKind


def citations_of(model: type[models.Model], ids: list[int] | models.QuerySet) -> Q:
    """Return the citations of the records of the model whose pks are given (a list or a query)."""
    # Matching the content type by name joins django_content_type instead of looking it up
    # first, so the query count does not depend on ContentType's cache.
    meta = model._meta
    return Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id__in=ids)


def citations_of_record(model: type[models.Model], pk: OuterRef) -> Q:
    """Return the citations of the one record whose pk the outer query gives."""
    meta = model._meta
    return Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=pk)


def cites_illustrative(cited: Q) -> Exists:
    """Return whether a current illustrative source is cited by the records `cited` names."""
    sources = Q(source__kind=SourceKind.ILLUSTRATIVE, source__archived_at__isnull=True)
    return Exists(Citation.objects.filter(sources).filter(cited))
