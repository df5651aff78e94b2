"""What the details panel and the directory ask of a chart: a body's relationships, and the
chart as it stood on a day. Both must follow every edit at once."""

from __future__ import annotations

import datetime as dt

from icsviewer.model.chart import Body, Chart, Relationship


def _chart() -> Chart:
    bodies = [
        Body(id="icb", name="Integrated Care Board", kind="icb"),
        Body(id="nhse", name="NHS England", kind="national_body"),
        Body(
            id="ccg", name="Old CCG", kind="former_ccg",
            valid_from=dt.date(2013, 4, 1), valid_to=dt.date(2022, 6, 30),
        ),
    ]
    rels = [
        Relationship(id="a", source="icb", target="nhse", kind="accountable_to"),
        Relationship(id="b", source="ccg", target="icb", kind="replaced_by"),
    ]
    return Chart(bodies=bodies, relationships=rels)


def _ids(rels: list[Relationship]) -> list[str]:
    return [r.id for r in rels]


def test_a_bodys_relationships_in_file_order_either_end() -> None:
    chart = _chart()
    assert _ids(chart.relationships_of("icb")) == ["a", "b"]
    assert _ids(chart.relationships_of("nhse")) == ["a"]
    assert chart.relationships_of("nobody") == []
    assert chart.neighbours("icb") == ["nhse", "ccg"]


def test_relationships_follow_adds_removals_and_replacements() -> None:
    chart = _chart()
    assert _ids(chart.relationships_of("nhse")) == ["a"]  # asked once before the edits
    chart.add_relationship(Relationship(id="c", source="nhse", target="ccg", kind="hosts"))
    assert _ids(chart.relationships_of("nhse")) == ["a", "c"]
    chart.remove_relationship("a")
    assert _ids(chart.relationships_of("nhse")) == ["c"]
    moved = Relationship(id="c", source="icb", target="ccg", kind="hosts")
    chart.replace_relationship(moved)
    assert chart.relationships_of("nhse") == []
    assert _ids(chart.relationships_of("icb")) == ["b", "c"]


def test_removing_a_body_takes_its_relationships_and_restoring_brings_them_back() -> None:
    chart = _chart()
    assert _ids(chart.relationships_of("icb")) == ["a", "b"]
    removed = chart.remove_body("nhse")
    assert _ids(chart.relationships_of("icb")) == ["b"]
    chart.restore_body(removed)
    assert _ids(chart.relationships_of("icb")) == ["a", "b"]


def test_a_reload_replaces_what_is_asked() -> None:
    chart = _chart()
    assert _ids(chart.relationships_of("icb")) == ["a", "b"]
    chart.replace_contents(Chart(bodies=chart.bodies))
    assert chart.relationships_of("icb") == []


def test_the_chart_as_at_a_day_keeps_what_existed_then() -> None:
    chart = _chart()
    before = chart.as_at(dt.date(2022, 1, 1))
    after = chart.as_at(dt.date(2023, 1, 1))
    assert [b.id for b in before] == ["icb", "nhse", "ccg"]
    assert [b.id for b in after] == ["icb", "nhse"]
    assert _ids(list(after.relationships)) == ["a"]  # the CCG's link went with it
    assert after.meta.as_at == dt.date(2023, 1, 1)
    assert len(chart) == 3  # the chart itself is untouched
