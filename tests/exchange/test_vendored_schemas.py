"""The vendored OCDS 1.1.5 schemas validate offline: a real published release package passes, a broken one fails."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import referencing
from referencing.jsonschema import DRAFT4

HERE = Path(__file__).parent
SCHEMAS = HERE / "schemas" / "ocds"
SAMPLE = HERE / "samples" / "ocds" / "ocds-213czf-000-00001-05-contract.json"


def package_validator() -> jsonschema.Draft4Validator:
    """Return a validator of release packages whose `$ref` to the release schema resolves to the local file."""
    package = json.loads((SCHEMAS / "release-package-schema.json").read_text())
    release = json.loads((SCHEMAS / "release-schema.json").read_text())
    registry = referencing.Registry().with_resource(release["id"], DRAFT4.create_resource(release))
    return jsonschema.Draft4Validator(package, registry=registry, format_checker=jsonschema.FormatChecker())


def test_a_published_release_package_is_valid() -> None:
    assert list(package_validator().iter_errors(json.loads(SAMPLE.read_text()))) == []


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("releases", 0, "contracts", 0, "value", "amount"), "11000000", "'11000000' is not of type 'number', 'null'"),
        (("releases", 0, "tag"), "contract", "'contract' is not of type 'array'"),
    ],
    ids=["amount-as-text", "tag-not-a-list"],
)
def test_a_broken_release_package_is_refused(path: tuple, value: str, message: str) -> None:
    broken = copy.deepcopy(json.loads(SAMPLE.read_text()))
    target = broken
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert message in [error.message for error in package_validator().iter_errors(broken)]
