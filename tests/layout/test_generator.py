"""The seeded ICS-shaped generator: exact size, repeatable, consistent, shaped like an ICS."""

from __future__ import annotations

from collections import Counter

import pytest

from icsviewer.model.generator import generate_chart
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS


@pytest.mark.parametrize("size", [1, 7, 62, 80, 500])
def test_exact_size_and_every_reference_exists(size: int) -> None:
    chart = generate_chart(size, seed=4)
    assert len(chart) == size
    ids = set(chart.body_ids())
    assert len({b.name for b in chart.bodies}) == size  # names are unique too
    for rel in chart.relationships:
        assert rel.source in ids and rel.target in ids
        assert rel.kind in RELATION_KINDS
    for group in chart.groups:
        assert group.members and set(group.members) <= ids
    assert all(b.kind in BODY_KINDS for b in chart.bodies)


def test_same_seed_same_chart_other_seed_other_chart() -> None:
    assert generate_chart(300, seed=9) == generate_chart(300, seed=9)
    assert generate_chart(300, seed=9) != generate_chart(300, seed=10)


def test_a_small_chart_is_one_system_shaped_like_the_flagship() -> None:
    chart = generate_chart(62, seed=0)
    kinds = Counter(b.kind for b in chart.bodies)
    assert kinds["icb"] == 1
    assert kinds["place_partnership"] == kinds["local_authority"] == kinds["hwb"] == 9
    assert kinds["provider_collaborative"] == 2
    assert len(chart.places()) == 9


def test_the_national_picture_has_about_forty_systems_and_few_cross_links() -> None:
    chart = generate_chart(2500, seed=1)
    systems = sum(1 for b in chart.bodies if b.kind == "icb")
    assert 35 <= systems <= 55
    structural = {"accountable_to", "member_of", "hosts"}
    cross = sum(1 for r in chart.relationships if r.kind not in structural)
    # A tree plus cross links: most bodies have one structural parent; the rest is a minority.
    assert cross < 0.35 * len(chart.relationships)


def test_a_generated_chart_saves_and_reopens_unchanged() -> None:
    from icsviewer.io.reader import parse_chart_text
    from icsviewer.io.writer import dump_chart

    chart = generate_chart(300, seed=3)
    result = parse_chart_text(dump_chart(chart), "generated.yaml")
    assert result.chart is not None
    assert len(result.chart.relationships) == len(chart.relationships)
    assert result.chart == chart
