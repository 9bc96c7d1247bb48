"""Resolve the keys rows refer to (a source, a fund, an organization, a site) in the database or this import."""

from collections import defaultdict

from django.core.exceptions import ValidationError

from msaada.core.codes import validate_country
from msaada.finance.models import Fund, Organization
from msaada.forces.models import Contributor
from msaada.logistics.models import ServiceLine
from msaada.missions.models import Mission, Site
from msaada.sources.models import Source

# The file whose rows declare each kind of key, so that a reference to a row that was itself
# bad is not reported a second time.
DECLARED_BY = {"sources": "source", "organizations": "organization", "funds": "fund", "sites": "site"}


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

    def resolve(self, kind: str, keys: set[str], mission: Mission | None) -> dict[str, object]:
        """Return the records behind the keys that exist; contributors and service lines are made when missing."""
        if not keys:
            return {}
        if kind == "source":
            return {s.key: s for s in Source.objects.filter(key__in=keys)}
        if kind == "organization":
            return {o.key: o for o in Organization.objects.filter(key__in=keys)}
        if kind == "fund":
            return {f.key: f for f in Fund.objects.filter(mission=mission, key__in=keys)}
        if kind == "site":
            return {s.name: s for s in Site.objects.filter(mission=mission, name__in=keys)}
        if kind == "contributor":
            return self._contributors(keys)
        return self._service_lines(keys, mission)

    def _contributors(self, codes: set[str]) -> dict[str, object]:
        found = {c.code: c for c in Contributor.objects.filter(code__in=codes)}
        for code in codes - found.keys():
            try:
                validate_country(code)
            except ValidationError:
                continue
            found[code] = Contributor.objects.create(code=code)
        return found

    def _service_lines(self, names: set[str], mission: Mission | None) -> dict[str, object]:
        found = {s.name: s for s in ServiceLine.objects.filter(mission=mission, name__in=names)}
        for name in names - found.keys():
            found[name] = ServiceLine.objects.create(mission=mission, name=name)
        return found
