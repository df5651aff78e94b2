"""Every edit: doing it changes what the user sees; undo brings back exactly the chart before;
redo brings back exactly the chart after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from icsviewer.editor import commands as c
from icsviewer.model.chart import Member, TourStep
from icsviewer.model.events import ChartEvent
from tests.editor.charts import Holder, small_chart

Make = Callable[[Holder], QUndoCommand]


def _edit_body(**changes: object) -> Make:
    return lambda d: c.EditBody(d, d.chart.body("icb"), replace(d.chart.body("icb"), **changes))


CASES: dict[str, Make] = {
    "rename": lambda d: c.rename_body(d, "icb", "Renamed ICB"),
    "edit short name": _edit_body(short_name="ICB"),
    "edit aliases": _edit_body(aliases=("One", "Two")),
    "edit kind": _edit_body(kind="icp"),
    "edit description": _edit_body(description="New text"),
    "edit members": _edit_body(members=(Member("Chief executive", "B. Person"),)),
    "edit links": _edit_body(links=()),
    "edit dates": _edit_body(valid_from=dt.date(2023, 1, 1), valid_to=dt.date(2024, 1, 1)),
    "edit sources": _edit_body(sources=()),
    "edit style": _edit_body(style={"fill": "#005EB8"}),
    "add body": lambda d: c.add_body(d, "vcse"),
    "add connected body": lambda d: c.add_body(d, "committee", connect_to="icb"),
    "delete body": lambda d: c.DeleteBodies(d, ["icb"]),
    "delete several": lambda d: c.DeleteBodies(d, ["hwb", "icb", "council"]),
    "duplicate": lambda d: c.duplicate_bodies(d, ["icb", "nhse"]),
    "paste": lambda d: c.paste_elements(
        d, [d.chart.body("icb"), d.chart.body("nhse")], d.chart.relationships
    ),
    "connect": lambda d: c.connect(d, "council", "icb", "partners_with"),
    "edit relationship": lambda d: c.EditRelationship(
        d, d.chart.relationship("hwb_council"),
        replace(d.chart.relationship("hwb_council"), kind="hosts", target="icb"),
    ),
    "delete relationships": lambda d: c.DeleteRelationships(
        d, ["icb_regard_hwb", "icb--accountable_to--nhse"]
    ),
    "edit chart meta": lambda d: c.EditChartMeta(
        d, d.chart.meta, replace(d.chart.meta, title="New title", marking="")
    ),
    "join group": lambda d: c.set_group_membership(d, "place_example", ["icb"], True),
    "leave group": lambda d: c.set_group_membership(d, "place_example", ["hwb"], False),
    "move": lambda d: c.MoveBodies(
        d, {"nhse": (None, (5.0, 6.0)), "icb": ((100.0, 40.0), (1.0, 2.0))}
    ),
    "unpin": lambda d: c.unpin_bodies(d, ["icb", "trust", "nhse"]),
    "add tour step": lambda d: c.add_step(d, "intro", ["trust", "icb"], index=1),
    "reorder tour steps": lambda d: c.move_step(d, "intro", 0, 2),
    "edit tour step": lambda d: c.EditTourStep(
        d, "intro", 1, replace(d.chart.tour("intro").steps[1], caption="Changed")
    ),
    "delete tour step": lambda d: c.delete_step(d, "intro", 0),
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_do_undo_redo_restore_the_chart_exactly(qapp: object, make: Make) -> None:
    doc = Holder(small_chart())
    before = doc.chart.copy()
    stack = QUndoStack()
    events: list[ChartEvent] = []
    doc.chart.subscribe(events.append)

    stack.push(make(doc))
    after = doc.chart.copy()
    assert after != before, "the edit changed nothing"
    assert events, "the chart did not tell its listeners"

    stack.undo()
    assert doc.chart == before
    assert doc.chart.body_ids() == before.body_ids()
    stack.redo()
    assert doc.chart == after
    stack.undo()
    assert doc.chart == before


def test_typing_in_one_field_is_one_undo_step(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    original = doc.chart.body("icb")
    text = ""
    for ch in "Plans care":
        text += ch
        old = doc.chart.body("icb")
        stack.push(c.EditBody(doc, old, replace(old, description=text)))
    assert doc.chart.body("icb").description == "Plans care"
    assert stack.count() == 1
    stack.undo()
    assert doc.chart.body("icb") == original


def test_typing_in_another_field_or_body_is_a_new_step(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    icb = doc.chart.body("icb")
    stack.push(c.EditBody(doc, icb, replace(icb, description="a")))
    icb = doc.chart.body("icb")
    stack.push(c.EditBody(doc, icb, replace(icb, notes="b")))
    nhse = doc.chart.body("nhse")
    stack.push(c.EditBody(doc, nhse, replace(nhse, notes="c")))
    assert stack.count() == 3


def test_renames_never_merge(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    stack.push(c.rename_body(doc, "icb", "First"))
    stack.push(c.rename_body(doc, "icb", "Second"))
    assert stack.count() == 2
    stack.undo()
    assert doc.chart.body("icb").name == "First"


def test_typing_then_deleting_it_leaves_no_step(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    icb = doc.chart.body("icb")
    stack.push(c.EditBody(doc, icb, replace(icb, notes="x")))
    stack.push(c.EditBody(doc, doc.chart.body("icb"), icb))
    assert stack.count() == 0


def test_tour_caption_typing_merges(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    for caption in ("S", "Sy", "Sys"):
        step = doc.chart.tour("intro").steps[0]
        stack.push(c.EditTourStep(doc, "intro", 0, replace(step, caption=caption)))
    assert stack.count() == 1
    assert doc.chart.tour("intro").steps[0].caption == "Sys"


def test_delete_body_takes_relationships_groups_and_tours_and_undo_puts_them_in_place(
    qapp: object,
) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    rels_before = doc.chart.relationships
    stack.push(c.DeleteBodies(doc, ["hwb"]))
    assert not doc.chart.has_body("hwb")
    assert all("hwb" not in (r.source, r.target) for r in doc.chart.relationships)
    assert "hwb" not in doc.chart.group("place_example").members
    assert all("hwb" not in s.bodies for s in doc.chart.tour("intro").steps)
    stack.undo()
    assert doc.chart.relationships == rels_before  # same relationships, same file order
    assert doc.chart.group("place_example").members == ("council", "hwb", "trust")
    assert stack.count() == 1


def test_add_connected_body_is_one_step_with_its_relationship(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    stack.push(c.add_body(doc, "committee", connect_to="icb", relation="accountable_to"))
    new = doc.chart.bodies[-1]
    assert new.kind == "committee"
    assert [(r.source, r.kind, r.target) for r in doc.chart.relationships_of(new.id)] == [
        (new.id, "accountable_to", "icb")
    ]
    assert stack.count() == 1


def test_paste_into_the_same_chart_gets_fresh_ids_and_keeps_inner_links(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    rels = doc.chart.relationships
    stack.push(c.paste_elements(doc, [doc.chart.body("icb"), doc.chart.body("nhse")], rels))
    pasted = doc.chart.bodies[-2:]
    assert [b.id for b in pasted] == ["icb_2", "nhse_2"]
    assert pasted[0].pinned == (124.0, 64.0)  # a copy lands beside the original, not on it
    inner = [(r.source, r.kind, r.target) for r in doc.chart.relationships[len(rels):]]
    assert inner == [("icb_2", "accountable_to", "nhse_2")]  # links to bodies left behind drop


def test_unpin_only_touches_pinned_bodies(qapp: object) -> None:
    doc = Holder(small_chart())
    cmd = c.unpin_bodies(doc, ["nhse", "icb"])
    assert isinstance(cmd, c.MoveBodies)
    assert set(cmd.moves) == {"icb"}


def test_editing_a_relationship_onto_a_missing_body_is_refused(qapp: object) -> None:
    doc = Holder(small_chart())
    rel = doc.chart.relationship("hwb_council")
    with pytest.raises(ValueError):
        c.EditRelationship(doc, rel, replace(rel, target="nowhere"))


def test_tour_step_edit_keeps_other_steps(qapp: object) -> None:
    doc = Holder(small_chart())
    stack = QUndoStack()
    steps = doc.chart.tour("intro").steps
    stack.push(c.EditTourStep(doc, "intro", 2, TourStep(("hwb", "council"), "Place")))
    assert doc.chart.tour("intro").steps[:2] == steps[:2]
