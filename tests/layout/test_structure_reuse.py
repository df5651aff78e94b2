"""Building a chart's structure again after an edit shows the edit (the parts of records that
did not change are reused, never stale ones), and the speed devices keep records behaving
like ordinary frozen dataclasses."""

from __future__ import annotations

import dataclasses
import gc

import pytest

from icsviewer.gc_pause import paused_gc
from icsviewer.layout.boxes import BoxSize, box_size
from icsviewer.layout.geometry import BoxLayout, EdgeLayout
from icsviewer.layout.structure import Link, Node, build_structure
from icsviewer.layout.text_metrics import text_width, wrap_measured
from icsviewer.model.chart import Body, Group, Relationship
from tests.layout.charts import small_ics


def test_a_renamed_body_gets_a_box_for_its_new_name() -> None:
    chart = small_ics()
    before = build_structure(chart)
    chart.replace_body(dataclasses.replace(chart.body("nhse"), name="A much longer new name "
                                           "for the national body of the NHS"))
    after = build_structure(chart)
    assert after.nodes["nhse"].size.lines != before.nodes["nhse"].size.lines
    assert after.nodes["nhse"].size == box_size(chart.body("nhse"))
    assert after.nodes["nw"] is before.nodes["nw"]  # untouched bodies keep their node


def test_added_and_removed_records_appear_and_disappear() -> None:
    chart = small_ics()
    build_structure(chart)
    chart.add_body(Body("newbie", "A new body", "committee"))
    chart.add_relationship(Relationship("newbie_icb", "newbie", "icb", "accountable_to"))
    chart.remove_relationship("icb_icp")
    after = build_structure(chart)
    assert "newbie" in after.nodes
    assert {link.rel_id for link in after.links} >= {"newbie_icb"}
    assert "icb_icp" not in {link.rel_id for link in after.links}


def test_collapsing_a_group_re_routes_its_lines_to_the_group() -> None:
    chart = small_ics()
    build_structure(chart)
    chart.set_groups(
        dataclasses.replace(g, collapsed=True) if g.id == "collaborative" else g
        for g in chart.groups
    )
    after = build_structure(chart)
    assert "t1" not in after.nodes and after.nodes["collaborative"].is_group
    assert "collab_icb" in {link.rel_id for link in after.links}
    collab_icb = next(link for link in after.links if link.rel_id == "collab_icb")
    assert collab_icb.tail == "collaborative"


def test_moving_a_body_between_groups_moves_it_between_clusters() -> None:
    chart = small_ics()
    build_structure(chart)
    groups = [g for g in chart.groups if g.id != "collaborative"]
    groups.append(Group("collaborative", "Acute collaborative", ("collab", "t1"), "collaborative"))
    chart.set_groups(groups)
    after = build_structure(chart)
    clusters = {c.id: c.members for c in after.clusters}
    assert "t2" not in clusters["collaborative"]
    assert "t2" not in after.home_group


def test_measured_wrapping_reports_the_widest_line() -> None:
    for text in ("NHS Cheshire and Merseyside Integrated Care Board", "x" * 90, "", "a b"):
        lines, widest = wrap_measured(text, 118.0, 10.0, True)
        assert widest == max(text_width(line, 10.0, True) for line in lines)


def test_fast_records_behave_like_frozen_dataclasses() -> None:
    box = BoxLayout("a", 1.0, 2.0, 3.0, 4.0, ("A",), 10.0)
    assert box == BoxLayout("a", 1.0, 2.0, 3.0, 4.0, ("A",), 10.0)
    assert hash(box) == hash(BoxLayout("a", 1.0, 2.0, 3.0, 4.0, ("A",), 10.0))
    assert dataclasses.replace(box, x=5.0).x == 5.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.x = 9.0  # type: ignore[misc]
    edge = EdgeLayout("r", "a", "b", ((0.0, 0.0), (1.0, 1.0)))
    assert edge.arrow_tip is None and edge.label_pos is None
    for record in (
        box, edge, BoxSize(1.0, 2.0, ("x",)), Node("n", BoxSize(1.0, 2.0, ()), 1, "icb"),
        Link("r", "a", "b", "a", "b", "member_of", True),
    ):
        # Every field is set by the hand-written __init__.
        assert set(vars(record)) == {f.name for f in dataclasses.fields(record)}


def test_pausing_the_garbage_collector_restores_it_even_after_an_error(automatic_gc: None) -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        raise RuntimeError
    assert gc.isenabled()


def test_a_relationship_to_a_missing_body_gets_its_line_when_the_body_is_added() -> None:
    chart = small_ics()
    chart.add_relationship(Relationship("later_icb", "later", "icb", "accountable_to"))
    before = build_structure(chart)
    assert "later_icb" not in {link.rel_id for link in before.links}
    chart.add_body(Body("later", "A body added later", "committee"))
    after = build_structure(chart)
    assert "later_icb" in {link.rel_id for link in after.links}


def test_an_edited_relationship_in_the_middle_is_drawn_as_edited() -> None:
    chart = small_ics()
    build_structure(chart)
    chart.replace_relationship(dataclasses.replace(chart.relationship("icb_nw"), target="nhse"))
    after = build_structure(chart)
    edited = next(link for link in after.links if link.rel_id == "icb_nw")
    assert (edited.tail, edited.head) == ("icb", "nhse")
    assert len(after.links) == len(chart.relationships)


def test_a_body_added_that_a_group_already_lists_is_drawn_in_that_group() -> None:
    chart = small_ics()
    chart.set_groups(
        dataclasses.replace(g, members=(*g.members, "late")) if g.id == "collaborative" else g
        for g in chart.groups
    )
    build_structure(chart)
    chart.add_body(Body("late", "A trust added later", "nhs_trust"))
    after = build_structure(chart)
    clusters = {c.id: c.members for c in after.clusters}
    assert "late" in clusters["collaborative"]
    assert after.home_group["late"] == "collaborative"


def test_another_charts_remembered_structure_never_leaks_into_a_chart() -> None:
    from icsviewer.layout import structure

    first = small_ics()
    build_structure(first)
    second = small_ics(places=("Halton", "Sefton"))
    second.add_body(Body("extra", "An extra committee", "committee"))
    reused = build_structure(second)
    structure._memos.clear()
    fresh = build_structure(second)
    assert reused == fresh


def test_a_chart_reuses_what_was_made_for_its_copy() -> None:
    chart = small_ics()
    copy_structure = build_structure(chart.copy())
    chart.add_body(Body("extra", "An extra committee", "committee"))
    after = build_structure(chart)
    assert after.nodes["icb"] is copy_structure.nodes["icb"]
    assert "extra" in after.nodes
