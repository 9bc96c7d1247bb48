"""The API's views: a viewset per kind of record, generated from the registry, and the missions' computed resources.

Each viewset takes its records from `visible` (accounts/scopes.py), so a record outside the caller's
scope answers 404, as on the web; it writes through the one gate (core/services.py) after the kind's
form checked the body (writes.py). Archiving is the API's DELETE: records are archived, never deleted.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from msaada.accounts.scopes import changeable, may_keep, missions, visible
from msaada.api.filters import filterset_class
from msaada.api.problems import Refused, field_errors
from msaada.api.serializers import MissionSerializer, serializer_class
from msaada.api.writes import MAX_ROWS, mission_of, prepare
from msaada.core.services import record_archive, record_restore, record_save, record_save_all
from msaada.dashboard.series import funding_series, strength_series
from msaada.entry.entities import ENTITIES, Entity
from msaada.entry.lists import may_see
from msaada.finance.money import MissingRateError
from msaada.missions.models import Mission
from msaada.readiness.brief import brief_json, build_brief
from msaada.readiness.formats import money_value
from msaada.sources.models import Citation


class Pages(PageNumberPagination):
    """Pages of 50 records by default, up to 1,000 with `page_size`."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000


PROBLEM = OpenApiResponse(
    inline_serializer(
        "Problem",
        {
            "type": serializers.CharField(),
            "title": serializers.CharField(),
            "status": serializers.IntegerField(),
            "detail": serializers.CharField(),
            "errors": inline_serializer(
                "ProblemError",
                {
                    "row": serializers.IntegerField(required=False, help_text="The row's index, in a bulk write."),
                    "field": serializers.CharField(help_text="The field at fault; empty for the record as a whole."),
                    "problem": serializers.CharField(),
                },
                many=True,
                required=False,
            ),
        },
    ),
    description="RFC 9457 problem details (application/problem+json).",
    examples=[
        OpenApiExample(
            "A refused write",
            {
                "type": "about:blank",
                "title": "Bad request",
                "status": 400,
                "detail": "The write was refused: nothing was written.",
                "errors": [{"row": 1, "field": "count", "problem": "must not be negative"}],
            },
        )
    ],
)
READ_ERRORS = {401: PROBLEM, 404: PROBLEM, 429: PROBLEM}
WRITE_ERRORS = {400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 429: PROBLEM}


class Conflict(exceptions.APIException):
    """A figure that cannot be computed from the records as they stand (an amount without an exchange rate)."""

    status_code = status.HTTP_409_CONFLICT


class StrengthPointSerializer(serializers.Serializer):
    day = serializers.DateField()
    deployed = serializers.DictField(child=serializers.IntegerField(), help_text="Personnel by contributor code.")
    total = serializers.IntegerField()
    authorized = serializers.IntegerField(allow_null=True)
    pledged = serializers.IntegerField()


class StrengthSeriesSerializer(serializers.Serializer):
    contributors = serializers.ListField(child=serializers.CharField(), help_text="Largest first on the date.")
    points = StrengthPointSerializer(many=True)


class FundingPointSerializer(serializers.Serializer):
    day = serializers.DateField()
    pledged = serializers.CharField(help_text="To the cent, e.g. 113000000.00.")
    committed = serializers.CharField()
    paid = serializers.CharField()
    spent = serializers.CharField()


class FundingSeriesSerializer(serializers.Serializer):
    currency = serializers.CharField()
    points = FundingPointSerializer(many=True)


class RecordViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The records of one kind the caller may see; created, changed and archived by those who keep them."""

    entity: Entity
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend]
    lookup_value_converter = "int"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> models.QuerySet:
        entity = self.entity
        if not may_see(self.request.user, entity.model):
            raise Http404
        records = visible(self.request.user, entity.model).select_related(*entity.references)
        if entity.in_mission:
            records = records.select_related("mission")
        if entity.cites:
            records = records.prefetch_related(
                Prefetch("citations", queryset=Citation.objects.select_related("source"))
            )
        return records.order_by(*entity.model._meta.ordering, "pk")

    def get_object(self) -> models.Model:
        # A record is found whether archived or not: the list's filters are not the record's scope.
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def _keeps(self) -> None:
        self.get_queryset()  # a kind the caller does not see is not found
        if not may_keep(self.request.user, self.entity.model):
            raise exceptions.PermissionDenied(_("Your role does not keep records of this kind."))

    def _changeable(self) -> models.Model:
        record = self.get_object()
        self._keeps()
        return get_object_or_404(changeable(self.request.user, self.entity.model), pk=record.pk)

    def _shown(self, record: models.Model) -> dict[str, Any]:
        return self.get_serializer(self.get_queryset().get(pk=record.pk)).data

    def create(self, request: Request) -> Response:
        self._keeps()
        prepared = prepare(request.user, self.entity, request.data)
        _saved(request, prepared.record, prepared.sources, prepared.mission)
        return Response(self._shown(prepared.record), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str) -> Response:
        record = self._changeable()
        prepared = prepare(request.user, self.entity, request.data, record=record, partial=True)
        _saved(request, prepared.record, prepared.sources, prepared.mission)
        return Response(self._shown(prepared.record))

    def destroy(self, request: Request, pk: str) -> Response:
        record = self._changeable()
        if not self.entity.archivable or record.archived_at is not None:
            raise exceptions.MethodNotAllowed(request.method, detail=_("This record cannot be archived."))
        try:
            record_archive(actor=request.user, record=record, mission=getattr(record, "mission", None))
        except ValidationError as refused:
            raise Refused(field_errors(refused)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: str) -> Response:
        record = self._changeable()
        if not self.entity.archivable or record.archived_at is None:
            raise exceptions.MethodNotAllowed(request.method, detail=_("Only an archived record is restored."))
        version = record.history.order_by("-history_date", "-history_id").first()
        try:
            record_restore(actor=request.user, version=version, mission=getattr(record, "mission", None))
        except ValidationError as refused:
            raise Refused(field_errors(refused)) from None
        return Response(self._shown(record))

    @action(detail=False, methods=["post"])
    def bulk(self, request: Request) -> Response:
        self._keeps()
        body = request.data if isinstance(request.data, dict) else {}
        rows = body.get("rows")
        if not isinstance(rows, list) or not rows or len(rows) > MAX_ROWS:
            message = _("rows: a list of 1 to %(most)d records") % {"most": MAX_ROWS}
            raise Refused([{"field": "rows", "problem": message}])
        mission = mission_of(request.user, self.entity, body, None)
        prepared, problems = [], []
        for index, row in enumerate(rows):
            try:
                prepared.append(prepare(request.user, self.entity, row, mission=mission, row=index))
            except Refused as refused:
                problems += refused.errors
        if problems:
            raise Refused(problems)
        refusals = record_save_all(
            actor=request.user, records=[(p.record, p.sources) for p in prepared], mission=mission
        )
        if refusals:
            raise Refused([entry for index, error in refusals.items() for entry in field_errors(error, index)])
        return Response([self._shown(p.record) for p in prepared], status=status.HTTP_201_CREATED)


def _saved(request: Request, record: models.Model, sources: list | None, mission: models.Model | None) -> None:
    try:
        record_save(actor=request.user, record=record, mission=mission, sources=sources)
    except ValidationError as refused:
        raise Refused(field_errors(refused)) from None


def _described(entity: Entity) -> type[RecordViewSet]:
    """Return the viewset of a kind with its schema: each operation, its body, its answers and its errors."""
    kind, one = entity.slug, str(entity.model._meta.verbose_name)
    record = serializer_class(entity)
    bulk_body = inline_serializer(
        f"{entity.model.__name__}Bulk",
        {
            **(
                {"mission": serializers.CharField(help_text="The mission's code, e.g. MSS.")}
                if entity.in_mission
                else {}
            ),
            "rows": record(many=True),
        },
    )
    tags = [kind]
    schema = {
        "list": extend_schema(
            tags=tags, summary=f"The {kind} you may see", responses={200: record(many=True), **READ_ERRORS}
        ),
        "retrieve": extend_schema(tags=tags, summary=f"One {one}", responses={200: record, **READ_ERRORS}),
        "create": extend_schema(
            tags=tags,
            summary=f"Record a {one}",
            description="Checked as the form checks it; one transaction, with history against the caller.",
            request=record,
            responses={201: record, **WRITE_ERRORS},
        ),
        "partial_update": extend_schema(
            tags=tags, summary=f"Change a {one}", request=record, responses={200: record, **WRITE_ERRORS}
        ),
        "destroy": extend_schema(
            tags=tags, summary=f"Archive a {one}", responses={204: None, 405: PROBLEM, **WRITE_ERRORS}
        ),
        "restore": extend_schema(
            tags=tags,
            summary=f"Restore an archived {one}",
            request=None,
            responses={200: record, 405: PROBLEM, **WRITE_ERRORS},
        ),
        "bulk": extend_schema(
            tags=tags,
            summary=f"Record many {kind}, all or nothing",
            description="Every row is checked as a form checks it; one refused row writes nothing, "
            "and each problem names its row's index and field.",
            request=bulk_body,
            responses={201: record(many=True), **WRITE_ERRORS},
        ),
    }
    attributes = {
        "entity": entity,
        "queryset": entity.model._default_manager.none(),  # the model, for the schema; records come from the scope
        "serializer_class": record,
        "filterset_class": filterset_class(entity),
    }
    viewset = type(f"{entity.model.__name__}ViewSet", (RecordViewSet,), attributes)
    return extend_schema_view(**schema)(viewset)


VIEWSETS = {entity.slug: _described(entity) for entity in ENTITIES}

AS_OF = OpenApiParameter(
    "as_of", OpenApiTypes.DATE, description="The date of the figures, YYYY-MM-DD (default: today).", required=False
)


class AsOf(serializers.Serializer):
    as_of = serializers.DateField(required=False, input_formats=["iso-8601"])


def as_of_of(request: Request) -> date:
    """Return the date the query asks for, today by default; a bad one is refused naming `as_of`."""
    asked = AsOf(data=request.query_params)
    asked.is_valid(raise_exception=True)
    return asked.validated_data.get("as_of") or timezone.localdate()


class MissionViewSet(viewsets.ReadOnlyModelViewSet):
    """The missions the caller may see, and the figures computed for each: the brief and the charts' series."""

    serializer_class = MissionSerializer
    queryset = Mission.objects.none()  # the model, for the schema; missions come from the scope
    lookup_field = "code"
    lookup_value_converter = "slug"
    pagination_class = Pages

    def get_queryset(self) -> models.QuerySet:
        return missions(self.request.user).order_by("code")

    def _figures(self, compute, *args: object) -> Any:
        try:
            return compute(*args)
        except MissingRateError as error:
            raise Conflict(str(error)) from None

    @extend_schema(
        summary="The mission's brief as of a date",
        description="Exactly the JSON of `msaada brief --format json` (brief.schema.json).",
        parameters=[AS_OF],
        responses={200: OpenApiTypes.OBJECT, 400: PROBLEM, 409: PROBLEM, **READ_ERRORS},
    )
    @action(detail=True, methods=["get"])
    def brief(self, request: Request, code: str) -> Response:
        mission = self.get_object()
        return Response(brief_json(self._figures(build_brief, mission, as_of_of(request))))

    @extend_schema(
        summary="Strength month by month",
        description="Deployed personnel per contributor, the authorized strength and the personnel pledged, "
        "at the end of each month up to the date, as the dashboard's strength chart draws them.",
        parameters=[AS_OF],
        responses={200: StrengthSeriesSerializer, 400: PROBLEM, **READ_ERRORS},
    )
    @action(detail=True, methods=["get"])
    def strength(self, request: Request, code: str) -> Response:
        figures = strength_series(self.get_object(), as_of_of(request))
        points = [
            {
                "day": point.day,
                "deployed": dict(zip(figures.contributors, point.deployed, strict=True)),
                "total": point.total,
                "authorized": point.authorized,
                "pledged": point.pledged,
            }
            for point in figures.points
        ]
        return Response(StrengthSeriesSerializer({"contributors": figures.contributors, "points": points}).data)

    @extend_schema(
        summary="Funding month by month",
        description="Money pledged, committed, paid and spent up to the end of each month, in the mission's "
        "base currency to the cent, as the dashboard's funding chart draws it.",
        parameters=[AS_OF],
        responses={200: FundingSeriesSerializer, 400: PROBLEM, 409: PROBLEM, **READ_ERRORS},
    )
    @action(detail=True, methods=["get"])
    def funding(self, request: Request, code: str) -> Response:
        figures = self._figures(funding_series, self.get_object(), as_of_of(request))
        points = [
            {name: money_value(getattr(point, name)) for name in ("pledged", "committed", "paid", "spent")}
            | {"day": point.day}
            for point in figures.points
        ]
        return Response(FundingSeriesSerializer({"currency": figures.currency, "points": points}).data)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
def not_found(request: Request) -> Response:
    """Answer an address under /api/ that names nothing."""
    raise exceptions.NotFound
