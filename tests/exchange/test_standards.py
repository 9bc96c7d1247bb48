"""A file of another standard, read into the import format, goes through the one gate and is named at its place."""

from decimal import Decimal
from pathlib import Path

import pytest

from msaada.exchange.importer import ImportFailed
from msaada.exchange.standards import Translated, import_translated
from msaada.finance.models import Flow
from msaada.missions.models import Mission
from tests.exchange.files import snapshot

FLOW = {"fund": "mss-tf", "donor": "can-gov", "stage": "paid", "currency": "USD", "date": "2024-04-01"}


def test_translated_rows_are_imported_through_the_gate(base: Path) -> None:
    translated = Translated("flows.json")
    translated.add("flows", "$.data.flows[0]", {**FLOW, "ref": "F1", "amount": "1000000", "source": "art-1"})

    outcomes = import_translated(translated, Mission.objects.get(code="MSS"))

    assert [(o.label, o.created) for o in outcomes] == [("flows.csv", 1)]
    assert Flow.objects.get(ref="F1").amount == Decimal("1000000")


def test_a_bad_element_is_named_at_its_place_in_the_original_file_and_nothing_is_written(base: Path) -> None:
    translated = Translated("flows.json")
    translated.add("flows", "$.data.flows[0]", {**FLOW, "ref": "F1", "amount": "10", "source": "art-1"})
    translated.add("flows", "$.data.flows[1]", {**FLOW, "ref": "F2", "amount": "1e6", "source": "art-1"})
    before = snapshot()

    with pytest.raises(ImportFailed) as failed:
        import_translated(translated, Mission.objects.get(code="MSS"))

    assert [str(p) for p in failed.value.problems] == [
        'flows.json: $.data.flows[1]: amount: not a plain decimal number "1e6"'
    ]
    assert snapshot() == before


def test_a_row_for_a_file_the_import_format_lacks_is_a_mistake_of_the_standard() -> None:
    with pytest.raises(ValueError, match="grants is not a file of the import format"):
        Translated("x.json").add("grants", "$", {})
