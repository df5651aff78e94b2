"""Property: any sequence of edits, undone step by step, gives back the chart we started from;
redone, it gives back the chart we ended with."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QUndoCommand, QUndoStack

from icsviewer.editor import commands as c
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS
from tests.editor.charts import Holder, small_chart

TEXT = st.text(max_size=12)
KINDS = st.sampled_from(sorted(BODY_KINDS))
RKINDS = st.sampled_from(sorted(RELATION_KINDS))
PIN = st.none() | st.tuples(st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))


def _one_edit(data: st.DataObject, doc: Holder) -> QUndoCommand | None:
    chart = doc.chart
    ids = chart.body_ids()
    op = data.draw(st.sampled_from([
        "rename", "describe", "kind", "add", "delete", "duplicate", "paste", "connect",
        "edit_rel", "delete_rel", "meta", "group", "move", "unpin", "tour_add", "tour_move",
        "tour_caption", "tour_delete",
    ]))
    if op == "add":
        target = data.draw(st.none() | st.sampled_from(ids)) if ids else None
        return c.add_body(doc, data.draw(KINDS), data.draw(TEXT), connect_to=target,
                          relation=data.draw(RKINDS))
    if op == "meta":
        return c.EditChartMeta(doc, chart.meta, replace(chart.meta, title=data.draw(TEXT)))
    if op in ("edit_rel", "delete_rel"):
        if not chart.relationships:
            return None
        rel = data.draw(st.sampled_from(chart.relationships))
        if op == "delete_rel":
            return c.DeleteRelationships(doc, [rel.id])
        return c.EditRelationship(doc, rel, replace(rel, kind=data.draw(RKINDS),
                                                    label=data.draw(TEXT)))
    if op.startswith("tour"):
        tour = chart.tour("intro")
        n = len(tour.steps)
        if op == "tour_add":
            chosen = data.draw(st.lists(st.sampled_from(ids), max_size=3)) if ids else []
            return c.add_step(doc, "intro", chosen, index=data.draw(st.integers(0, n)))
        if n == 0:
            return None
        i = data.draw(st.integers(0, n - 1))
        if op == "tour_move":
            return c.move_step(doc, "intro", i, data.draw(st.integers(0, n - 1)))
        if op == "tour_caption":
            return c.EditTourStep(doc, "intro", i, replace(tour.steps[i], caption=data.draw(TEXT)))
        return c.delete_step(doc, "intro", i)
    if not ids:
        return None
    some = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    body = chart.body(some[0])
    if op == "rename":
        return c.rename_body(doc, body.id, data.draw(TEXT))
    if op == "describe":
        return c.EditBody(doc, body, replace(body, description=data.draw(TEXT)))
    if op == "kind":
        return c.EditBody(doc, body, replace(body, kind=data.draw(KINDS)))
    if op == "delete":
        return c.DeleteBodies(doc, some)
    if op == "duplicate":
        return c.duplicate_bodies(doc, some)
    if op == "paste":
        return c.paste_elements(doc, [chart.body(i) for i in some], chart.relationships)
    if op == "connect":
        others = [i for i in ids if i != some[0]]
        if not others:
            return None
        return c.connect(doc, some[0], data.draw(st.sampled_from(others)), data.draw(RKINDS))
    if op == "group":
        return c.set_group_membership(doc, "place_example", some, data.draw(st.booleans()))
    if op == "move":
        return c.MoveBodies(doc, {i: (chart.body(i).pinned, data.draw(PIN)) for i in some})
    return c.unpin_bodies(doc, some)


@given(st.data())
def test_random_edits_undo_back_to_the_start(qapp: object, data: st.DataObject) -> None:
    doc = Holder(small_chart())
    start = doc.chart.copy()
    stack = QUndoStack()
    for _ in range(data.draw(st.integers(1, 25))):
        cmd = _one_edit(data, doc)
        if cmd is not None:
            stack.push(cmd)
    end = doc.chart.copy()
    while stack.canUndo():
        stack.undo()
    assert doc.chart == start
    assert doc.chart.body_ids() == start.body_ids()
    while stack.canRedo():
        stack.redo()
    assert doc.chart == end
