"""The charts are valid, deterministic SVG that a page can hold side by side, in the reader's language."""

import re
from datetime import date

import pytest
from defusedxml import ElementTree
from django.utils import translation

from msaada.dashboard import charts
from msaada.dashboard.series import coverage_runs, funding_series, strength_series
from msaada.readiness.brief import build_brief
from tests import factories as s

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
AS_OF = date(2025, 3, 15)


def records():
    alpha = s.mission("alpha")
    s.mandate(alpha, "2025-01-01", "2025-04-30", 1000)
    s.deploy(alpha, "KEN", 300, "2025-01-10")
    s.deploy(alpha, "JAM", 50, "2025-02-20")
    s.pledge(alpha, "KEN", 500, "2025-01-05")
    s.flow(alpha, "pledge", "5000", "2025-01-15")
    s.flow(alpha, "paid", "2000", "2025-02-15")
    s.spend(alpha, "700", "2025-03-01")
    s.contract(alpha, "Fuel $2M", "2025-01-01", "2025-03-31")
    return alpha


def drawn(alpha) -> dict[str, str]:
    """Draw the three charts afresh, past the charts kept in memory."""
    end = build_brief(alpha, AS_OF).mandate.end
    return {
        "strength": charts.strength_chart.__wrapped__(strength_series(alpha, AS_OF), "Strength"),
        "funding": charts.funding_chart.__wrapped__(funding_series(alpha, AS_OF), "Funding"),
        "coverage": charts.coverage_chart.__wrapped__(coverage_runs(alpha), AS_OF, end, "Coverage & <gaps>"),
    }


def texts(svg: str) -> list[str]:
    return [element.text or "" for element in ElementTree.fromstring(svg).iter(f"{SVG}text")]


def test_charts_are_valid_svg_with_their_title_and_labels_as_text():
    svgs = drawn(records())
    roots = {name: ElementTree.fromstring(svg) for name, svg in svgs.items()}
    assert all(root.tag == f"{SVG}svg" for root in roots.values())
    assert roots["coverage"].find(f"{SVG}title").text == "Coverage & <gaps>"
    assert {"KEN", "JAM", "Authorized", "Pledged"} <= set(texts(svgs["strength"]))
    assert {"Pledged", "Committed", "Paid", "Spent", "USD"} <= set(texts(svgs["funding"]))
    # A dollar sign is text, not the start of mathematics.
    assert "Fuel $2M" in texts(svgs["coverage"])
    assert "<metadata" not in svgs["strength"]


def test_the_same_figures_give_the_same_bytes():
    alpha = records()
    first, second = drawn(alpha), drawn(alpha)
    assert first == second
    assert all(svg for svg in first.values())


def test_axes_are_written_in_the_active_language():
    alpha = records()
    with translation.override("fr"):
        svg = charts.strength_chart.__wrapped__(strength_series(alpha, AS_OF), "Effectifs")
    assert "janv." in texts(svg)  # January, as French abbreviates it
    assert "1\u202f000" in texts(svg)  # the y axis's 1,000 with the French grouping


def test_inline_charts_have_their_own_ids_and_are_labelled_images():
    svgs = drawn(records())
    inlined = [charts.inline(svg, name, f"{name}-caption") for name, svg in svgs.items()]
    ids = [found for svg in inlined for found in re.findall(r' id="([^"]+)"', svg)]
    assert ids and len(ids) == len(set(ids))
    for (name, _svg), svg in zip(svgs.items(), inlined, strict=True):
        assert svg.startswith(f'<svg role="img" aria-labelledby="{name}-caption" ')
        assert ' width="' not in svg.split(">", 1)[0]  # sized by the page's CSS, through its viewBox
        references = re.findall(r'(?:url\(#|href="#)([^)"]+)', svg)
        assert references and all(reference.startswith(f"{name}-") for reference in references)
        assert set(references) <= set(ids)


def test_nothing_to_draw_gives_no_chart():
    alpha = s.mission("alpha")
    assert charts.strength_chart(strength_series(alpha, AS_OF), "x") is None
    assert charts.funding_chart(funding_series(alpha, AS_OF), "x") is None
    assert charts.coverage_chart(coverage_runs(alpha), AS_OF, None, "x") is None


def test_charts_already_drawn_are_kept_per_language():
    series = strength_series(records(), AS_OF)
    english = charts.strength_chart(series, "Strength")
    assert charts.strength_chart(series, "Strength") is english
    with translation.override("fr"):
        french = charts.strength_chart(series, "Strength")
    assert french != english and "janv." in texts(french)
