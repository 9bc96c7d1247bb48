"""Forms for every kind of record, built from the registry, running the import's own validation.

A form checks a record with the model's `full_clean()` (fields, `clean()`, constraints) and the rules
each app registers for it (core/rules.py), as the import does; the write service (core/services.py)
checks them again with the rules after the write, inside its transaction: no rule is written twice.
"""

import unicodedata
from decimal import Decimal
from functools import cache

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import Case, Q, When
from django.db.models.query import EmptyQuerySet
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from msaada.accounts.models import Role
from msaada.accounts.scopes import pickable, profile_of, reports, role_of, visible
from msaada.core.dates import LanguageDateField
from msaada.core.fields import ScaledDecimalField
from msaada.core.rules import row_findings
from msaada.entry.codes import choices_for
from msaada.entry.entities import Entity
from msaada.entry.lists import choices_of
from msaada.exchange import cells
from msaada.exchange.problems import MESSAGES
from msaada.finance.models import Flow
from msaada.forces.models import Contributor, Deployment, Pledge
from msaada.missions.models import Mission
from msaada.sources.models import Source


def _without_spaces(value: object) -> object:
    """Drop every kind of space from typed numbers: French groups digits with a (narrow) no-break space."""
    if isinstance(value, str):
        return "".join(char for char in value if not unicodedata.category(char).startswith("Z")).strip()
    return value


class LocalizedDecimalField(forms.DecimalField):
    """A decimal typed in the user's language: "1,250,000.50" in English, "1 250 000,50" in French."""

    def to_python(self, value):
        # Read as the import reads a cell once the language's separators are gone: a plain decimal,
        # no exponent ("1e5"), so a form never keeps what an import of the same value refuses.
        value = _without_spaces(value)
        if value in self.empty_values:
            return None
        try:
            return cells.parse_decimal(str(formats.sanitize_separators(value)).strip())
        except cells.CellError as unreadable:
            raise forms.ValidationError(str(MESSAGES[str(unreadable)]), code="invalid") from None

    def prepare_value(self, value):
        # Stored amounts carry the field's full scale (1250000.5000); show them without trailing zeros.
        if not isinstance(value, Decimal):
            return value
        return Decimal(format(value.normalize(), "f"))


class LocalizedIntegerField(forms.IntegerField):
    """A whole number typed in the user's language, thousands separators allowed."""

    def to_python(self, value):
        return super().to_python(_without_spaces(value))


class CodeChoiceField(forms.ChoiceField):
    """An ISO code picked from a list; one outside it is refused by the model's validator, in the import's words."""

    def valid_value(self, value: str) -> bool:
        return True


def formfield_for(db_field: models.Field, **kwargs) -> forms.Field | None:
    """Return the form field of a model field: numbers and dates typed as text in the user's language.

    Counts and amounts carry no form-level bounds, so that the model's own validators speak, as in the import.
    """
    common = {"label": capfirst(db_field.verbose_name), "help_text": db_field.help_text, "required": not db_field.blank}
    codes = choices_for(db_field)
    if codes is not None:
        blank = [("", "---------")] if db_field.blank else []
        return CodeChoiceField(choices=lambda: [*blank, *codes()], validators=db_field.validators, **common)
    if isinstance(db_field, ScaledDecimalField):
        widget = forms.TextInput(attrs={"inputmode": "decimal"})
        return LocalizedDecimalField(decimal_places=db_field.places, localize=True, widget=widget, **common)
    if isinstance(db_field, models.IntegerField) and not db_field.is_relation and not db_field.choices:
        widget = forms.TextInput(attrs={"inputmode": "numeric"})
        return LocalizedIntegerField(localize=True, widget=widget, **common)
    if isinstance(db_field, models.DateField):
        return db_field.formfield(form_class=LanguageDateField, **kwargs)
    if isinstance(db_field, models.URLField):
        return db_field.formfield(assume_scheme="https", **kwargs)
    return db_field.formfield(**kwargs)


def fixed_values(user: AbstractBaseUser, model: type[models.Model]) -> dict[str, object]:
    """Return the fields a liaison or a donor may not choose: their own country, their own organization."""
    role, profile = role_of(user), profile_of(user)
    if role == Role.LIAISON and model in (Pledge, Deployment):
        contributor = Contributor.objects.filter(code=profile.country).first()
        return {"contributor": contributor or Contributor(code=profile.country)}
    if role == Role.DONOR and model is Flow:
        return {"donor": profile.organization}
    return {}


class RecordForm(forms.ModelForm):
    """A record as typed in a form; the mission comes from the URL and fixed values from the user's scope."""

    def __init__(self, *args, entity: Entity, user: AbstractBaseUser, mission: Mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity, self.mission = entity, mission
        self.fixed = fixed_values(user, entity.model)
        for name in self.fixed:
            self.fields.pop(name, None)
        if entity.in_mission:
            self.instance.mission = mission
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = self._choices(user, name, field.queryset.model)
        if entity.cites and (reports(user, entity.model) or not isinstance(visible(user, Source), EmptyQuerySet)):
            self.fields["sources"] = self._sources_field(user)
            # What a liaison or a donor reports is checked against its source before it counts.
            self.fields["sources"].required = reports(user, entity.model)

    def _choices(self, user: AbstractBaseUser, name: str, model: type[models.Model]) -> models.QuerySet:
        """Offer current records, and the one already chosen even if it was archived since."""
        records = choices_of(user, model, self.mission)
        if any(field.name == "archived_at" for field in model._meta.fields):
            records = records.filter(Q(archived_at__isnull=True) | Q(pk=getattr(self.instance, f"{name}_id")))
        return records

    def _sources_field(self, user: AbstractBaseUser) -> forms.ModelMultipleChoiceField:
        cited = []
        if self.instance.pk:
            cited = [citation.source_id for citation in self.instance.citations.all()]
        # The sources already cited come first, so that a long list does not hide them.
        first = Case(When(pk__in=cited, then=0), default=1)
        sources = pickable(user, Source).filter(Q(archived_at__isnull=True) | Q(pk__in=cited))
        field = forms.ModelMultipleChoiceField(
            queryset=sources.order_by(first, "key"),
            required=False,
            initial=cited,
            label=_("Sources cited"),
            help_text=_("The documents this record rests on."),
            widget=forms.CheckboxSelectMultiple(attrs={"class": "choices"}),
        )
        field.label_from_instance = lambda source: f"{source.title} ({source.key})"
        return field

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, value in self.fixed.items():
            setattr(self.instance, name, value)
        return cleaned

    def _get_validation_exclusions(self) -> set[str]:
        # The mission and the fixed values are not typed, yet the constraints over them (one mandate per
        # authority in a mission...) must hold, so model validation sees them; a liaison's country that
        # is not a contributor yet becomes one when the record is saved.
        stored = {name for name, value in self.fixed.items() if value.pk is not None}
        return super()._get_validation_exclusions() - {"mission", *stored}

    def _post_clean(self) -> None:
        super()._post_clean()
        for finding in row_findings(self.instance, mission=self.mission, invalid=self.errors):
            self.add_error(finding.field, finding.message)

    @property
    def fixed_shown(self) -> list[tuple[str, str]]:
        """Return the fixed values as label and text, shown above the fields a user types."""
        return [(capfirst(self.entity.model._meta.get_field(n).verbose_name), str(v)) for n, v in self.fixed.items()]

    @property
    def sources(self) -> list[Source] | None:
        """Return the sources picked, or None when the form offers none (the citations stay as they are)."""
        if "sources" not in self.fields:
            return None
        return list(self.cleaned_data.get("sources") or [])


@cache
def form_class(entity: Entity) -> type[RecordForm]:
    """Return the form of a kind, built once from its registry entry."""
    return forms.modelform_factory(
        entity.model, form=RecordForm, fields=entity.fields, formfield_callback=formfield_for
    )
