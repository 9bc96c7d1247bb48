"""Resolve the keys rows refer to (a source, a fund, an organization, a site) in the database or this import."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Model

from msaada.core.codes import validate_country
from msaada.core.identity import key_fields
from msaada.core.records import in_mission
from msaada.exchange.formats import FILES, REFERRED, kind_of
from msaada.forces.models import Contributor
from msaada.logistics.models import ServiceLine
from msaada.missions.models import Mission

# The file whose rows declare each kind of key, so that a reference to a row that was itself
# bad is not reported a second time.
DECLARED_BY = {spec.name: kind_of(spec.model) for spec in FILES if spec.model in REFERRED.values()}


class References:
    """Keys of one import: found in the database, declared by this import's files, or made on first use."""

    def __init__(self) -> None:
        self.declared: dict[str, set[str]] = defaultdict(set)

    def declare(self, file_name: str, key: str) -> None:
        kind = DECLARED_BY.get(file_name)
        if kind and key:
            self.declared[kind].add(key)

    def is_declared(self, kind: str, key: str) -> bool:
        return key in self.declared[kind]

    def resolve(self, kind: str, keys: set[str], mission: Mission | None) -> dict[str, Model]:
        """Return the records behind the keys that exist; contributors and service lines are made when missing."""
        if not keys:
            return {}
        if kind == kind_of(Contributor):
            return self._contributors(keys)
        if kind == kind_of(ServiceLine):
            return self._service_lines(keys, mission)
        return _by_key(REFERRED[kind], keys, mission)

    def _contributors(self, codes: set[str]) -> dict[str, Model]:
        found = _by_key(Contributor, codes, None)
        for code in codes - found.keys():
            try:
                validate_country(code)
            except ValidationError:
                continue
            found[code] = Contributor.objects.create(code=code)
        return found

    def _service_lines(self, names: set[str], mission: Mission | None) -> dict[str, Model]:
        found = _by_key(ServiceLine, names, mission)
        for name in names - found.keys():
            if mission is None:  # only a mission's files (contracts) name service lines, and they need the mission
                raise ValueError("a service line is made for a mission")
            found[name] = ServiceLine.objects.create(mission=mission, name=name)
        return found


def _by_key(model: type[Model], keys: set[str], mission: Mission | None) -> dict[str, Model]:
    """Return the records of the model whose natural key is among the keys (in the mission, for a mission's kind)."""
    key = key_fields(model)[0]
    records = model._default_manager.filter(**{f"{key}__in": keys})
    if in_mission(model):
        records = records.filter(mission=mission)
    return {getattr(record, key): record for record in records}
