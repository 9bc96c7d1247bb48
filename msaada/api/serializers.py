"""The API's representation of every kind of record, generated from the data-entry registry.

A serializer says what a record reads as (and what a write sends, for the schema); a write itself is
checked by the kind's form and the write gate (writes.py), so the API refuses what the form refuses,
in the same words.
"""

from functools import cache

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from msaada.core.fields import ScaledDecimalField
from msaada.core.review import Reviewed
from msaada.entry.entities import Entity, sorted_by
from msaada.missions.models import Mission


@extend_schema_field({"type": "string", "format": "decimal", "pattern": r"^\d+(\.\d+)?$", "example": "1250000.50"})
class ExactDecimalField(serializers.Field):
    """An exact decimal as a string without trailing zeros ("1250000.5"), as the import format writes it."""

    def to_representation(self, value: object) -> str:
        return format(value.normalize(), "f") if value is not None else None  # type: ignore[attr-defined]

    def to_internal_value(self, data: object) -> object:
        return data


class SourceKeysField(serializers.ListField):
    """The keys of the sources a record cites, read from its citations (fetched with the page)."""

    child = serializers.CharField()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(source="*", **kwargs)

    def to_representation(self, record: models.Model) -> list[str]:  # type: ignore[override]
        return sorted(citation.source.key for citation in record.citations.all())


class RecordSerializer(serializers.ModelSerializer):
    """A record: its id, its mission's code, the fields its form asks for, and what the gate sets."""

    def build_relational_field(self, field_name: str, relation_info):
        related = relation_info.related_model
        return serializers.SlugRelatedField, {
            "slug_field": key_of(related),
            "queryset": related._default_manager.all(),
            "help_text": f"The {related._meta.verbose_name}'s {key_of(related)}.",
        }

    def build_standard_field(self, field_name: str, model_field: models.Field):
        if isinstance(model_field, ScaledDecimalField):
            return ExactDecimalField, {"required": not model_field.blank, "help_text": model_field.help_text}
        return super().build_standard_field(field_name, model_field)


def key_of(model: type[models.Model]) -> str:
    """Return the field people name a record of this kind by: its natural key, as the import names it."""
    return model.natural_key_fields[0] if getattr(model, "natural_key_fields", ()) else sorted_by(model)


@cache
def serializer_class(entity: Entity) -> type[RecordSerializer]:
    """Return the serializer of a kind, built once from its registry entry."""
    names = ["id"]
    declared: dict[str, object] = {}
    read_only = ["id"]
    if entity.in_mission:
        names.append("mission")
        declared["mission"] = serializers.SlugRelatedField(
            slug_field="code", queryset=Mission.objects.all(), help_text="The mission's code, e.g. MSS."
        )
    names += [name for name in entity.fields if name != "mission"]
    if entity.cites:
        names.append("sources")
        declared["sources"] = SourceKeysField(
            required=False,
            help_text="The keys of the sources the record cites; left out of a change, the citations stay.",
        )
    if entity.archivable:
        names.append("archived_at")
        read_only.append("archived_at")
    if issubclass(entity.model, Reviewed):
        names.append("review_state")
        read_only.append("review_state")
    meta = type("Meta", (), {"model": entity.model, "fields": names, "read_only_fields": read_only})
    return type(f"{entity.model.__name__}Serializer", (RecordSerializer,), {**declared, "Meta": meta})


class MissionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mission
        fields = ["code", "name", "host_country", "lead_country", "base_currency"]
