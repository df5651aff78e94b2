"""Small structural edits patch the flagship's layout in place: nothing the user placed moves."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from icsviewer.layout.client import compute_layout
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout
from icsviewer.layout.incremental import update_layout
from icsviewer.model.chart import Body, Chart, Group, Relationship
from tests.layout.flagship import load_chart

FLAGSHIP = Path(__file__).resolve().parents[2] / "data" / "cheshire_and_merseyside.yaml"

Rect = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def flagship() -> tuple[Chart, Layout]:
    """The flagship chart and its full Graphviz layout (computed once: it takes a second)."""
    chart = load_chart(FLAGSHIP)
    return chart, compute_layout(chart, cache=None)


def _rect(item: BoxLayout | FrameLayout) -> Rect:
    return (item.x, item.y, item.x + item.width, item.y + item.height)


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(inner: Rect, outer: Rect) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and (
        inner[3] <= outer[3]
    )


def _patched(chart: Chart, layout: Layout) -> Layout:
    result = update_layout(layout, chart)
    assert result is not None, "a small edit should be patched, not laid out afresh"
    return result


def _assert_covers_everything(layout: Layout) -> None:
    items: list[BoxLayout | FrameLayout] = [*layout.boxes.values(), *layout.frames.values()]
    for item in items:
        assert item.x >= 0 and item.y >= 0
        assert item.x + item.width <= layout.width and item.y + item.height <= layout.height


def _assert_unmoved(
    before: Layout, after: Layout, except_ids: frozenset[str] = frozenset()
) -> None:
    for body_id, box in before.boxes.items():
        if body_id in after.boxes and body_id not in except_ids:
            assert after.boxes[body_id] == box, f"{body_id} moved"


def _add_committee(chart: Chart, body_id: str, to: str, pinned: tuple[float, float] | None = None
                   ) -> None:
    chart.add_body(Body(body_id, f"New committee reporting to {to}", "committee", pinned=pinned))
    chart.add_relationship(Relationship(f"{body_id}_to_{to}", body_id, to, "accountable_to"))


def test_adding_a_body_connected_to_the_icb_moves_nothing_and_overlaps_nothing(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    _add_committee(edited, "new_committee", "cm_icb")
    after = _patched(edited, before)

    _assert_unmoved(before, after)
    new = _rect(after.boxes["new_committee"])
    for body_id, box in before.boxes.items():
        assert not _overlap(new, _rect(box)), f"the new box covers {body_id}"
    for frame in after.frames.values():
        assert not _overlap(new, _rect(frame)), f"the new box sits in {frame.group_id}"
    # Placed next to the ICB, not somewhere across the chart.
    icb = after.boxes["cm_icb"].center
    centre = after.boxes["new_committee"].center
    assert abs(centre[0] - icb[0]) + abs(centre[1] - icb[1]) < 300
    # Its line is drawn, ending at the ICB with an arrowhead; the old lines keep their routes.
    line = after.edges["new_committee_to_cm_icb"]
    assert line.arrow_tip is not None and _overlap(
        (*line.arrow_tip, *line.arrow_tip), _grow(_rect(after.boxes["cm_icb"]), 1)
    )
    assert {k: e for k, e in after.edges.items() if k in before.edges} == before.edges
    assert after.engine == before.engine
    _assert_covers_everything(after)


def _grow(r: Rect, by: float) -> Rect:
    return (r[0] - by, r[1] - by, r[2] + by, r[3] + by)


def _add_to_group(chart: Chart, group_id: str, body: Body, connected_to: str) -> None:
    chart.add_body(body)
    chart.add_relationship(Relationship(f"{body.id}_link", body.id, connected_to, "replaced_by"))
    chart.set_groups(
        Group(g.id, g.name, (*g.members, body.id), g.kind) if g.id == group_id else g
        for g in chart.groups
    )


def test_a_new_body_in_a_group_goes_inside_that_group_s_frame(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    _add_to_group(edited, "former_ccgs", Body("new_ccg", "NHS Example CCG", "former_ccg"),
                  "cm_icb")
    after = _patched(edited, before)

    _assert_unmoved(before, after)
    frame = after.frames["former_ccgs"]
    new = _rect(after.boxes["new_ccg"])
    assert _inside(new, _rect(frame))
    assert frame.y + 16 <= new[1], "the box covers the group's name"
    for body_id, box in after.boxes.items():
        if body_id != "new_ccg":
            assert not _overlap(new, _rect(box)), f"the new box covers {body_id}"
    for member in edited.group("former_ccgs").members:
        assert _inside(_rect(after.boxes[member]), _rect(frame))
    for a, b in itertools.combinations(after.frames.values(), 2):
        assert not _overlap(_rect(a), _rect(b)), f"{a.group_id} overlaps {b.group_id}"
    _assert_covers_everything(after)


def test_a_new_body_in_a_packed_place_is_laid_out_afresh(
    flagship: tuple[Chart, Layout],
) -> None:
    # Liverpool's frame has neighbours close on every side: growing it would overlap them.
    chart, before = flagship
    edited = chart.copy()
    _add_to_group(edited, "place_liverpool", Body("lpool_new", "Liverpool Example", "vcse"),
                  "liverpool_council")
    assert update_layout(before, edited) is None


def test_deleting_a_body_moves_no_other_box_and_its_lines_go(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    lines = {r.id for r in chart.relationships_of("alder_hey")}
    assert lines
    edited.remove_body("alder_hey")
    after = _patched(edited, before)

    assert "alder_hey" not in after.boxes
    assert not lines & set(after.edges)
    _assert_unmoved(before, after)
    assert set(after.boxes) == set(before.boxes) - {"alder_hey"}
    # The collaborative's frame still holds every remaining member.
    frame = _rect(after.frames["collab_cmast"])
    for member in edited.group("collab_cmast").members:
        assert _inside(_rect(after.boxes[member]), frame)


def test_connecting_two_bodies_moves_nothing_and_draws_the_new_line(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    edited.add_relationship(Relationship("new_link", "liverpool_council", "sefton_council",
                                         "partners_with"))
    after = _patched(edited, before)

    assert after.boxes == before.boxes
    assert after.frames == before.frames
    assert {k: e for k, e in after.edges.items() if k != "new_link"} == before.edges
    line = after.edges["new_link"]
    start, end = line.points[0], line.points[-1]
    assert _overlap((*start, *start), _grow(_rect(after.boxes["liverpool_council"]), 1))
    assert _overlap((*end, *end), _grow(_rect(after.boxes["sefton_council"]), 1))


def test_deleting_a_relationship_removes_only_its_line(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    edited = chart.copy()
    gone = chart.relationships[0].id
    edited.remove_relationship(gone)
    after = _patched(edited, before)

    assert after.boxes == before.boxes
    assert gone not in after.edges
    assert after.edges == {k: e for k, e in before.edges.items() if k != gone}


def test_renaming_to_a_longer_name_keeps_the_box_centred(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    edited = chart.copy()
    old = chart.body("liverpool_partnership")
    edited.replace_body(Body(old.id, "Liverpool Place Partnership Board", old.kind))
    after = _patched(edited, before)

    box, was = after.boxes["liverpool_partnership"], before.boxes["liverpool_partnership"]
    assert box.lines != was.lines and box.width > was.width
    assert box.center == pytest.approx(was.center)
    assert _inside(_rect(box), _rect(after.frames["place_liverpool"]))
    _assert_unmoved(before, after, frozenset({"liverpool_partnership"}))


def test_a_rename_that_would_cover_a_neighbour_is_laid_out_afresh(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    old = chart.body("liverpool_council")
    edited.replace_body(Body(old.id, "Liverpool " * 40, old.kind))
    assert update_layout(before, edited) is None


def test_twenty_new_bodies_are_too_many_to_patch(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    edited = chart.copy()
    for n in range(20):
        _add_committee(edited, f"extra_{n}", "cm_icb")
    assert update_layout(before, edited) is None


def test_moving_a_body_to_another_place_is_laid_out_afresh(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    groups = []
    for g in edited.groups:
        members = tuple(m for m in g.members if m != "liverpool_council")
        if g.id == "place_sefton":
            members = (*members, "liverpool_council")
        groups.append(Group(g.id, g.name, members, g.kind))
    edited.set_groups(groups)
    assert update_layout(before, edited) is None


def test_pins_win_for_new_and_existing_bodies(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    edited = chart.copy()
    far = (before.width + 50.0, before.height + 40.0)
    _add_committee(edited, "pinned_new", "cm_icb", pinned=far)
    sefton = chart.body("sefton_council")
    dragged = (before.boxes["sefton_council"].x, before.boxes["sefton_council"].y - 6.0)
    edited.replace_body(Body(sefton.id, sefton.name, sefton.kind, pinned=dragged))
    after = _patched(edited, before)

    assert (after.boxes["pinned_new"].x, after.boxes["pinned_new"].y) == far
    assert (after.boxes["sefton_council"].x, after.boxes["sefton_council"].y) == dragged
    _assert_unmoved(before, after, frozenset({"sefton_council"}))
    assert _inside(_rect(after.boxes["sefton_council"]), _rect(after.frames["place_sefton"]))
    # Lines to the dragged box follow it; the chart grows to hold the far pin.
    for rel in chart.relationships_of("sefton_council"):
        if rel.id in after.edges:
            assert after.edges[rel.id] != before.edges[rel.id]
    _assert_covers_everything(after)


def test_an_unconnected_body_with_no_group_goes_to_the_bottom_left(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    edited = chart.copy()
    edited.add_body(Body("loner", "A body on its own", "vcse"))
    after = _patched(edited, before)

    box = after.boxes["loner"]
    assert box.x < before.width / 4 and box.y > before.height * 3 / 4
    for body_id, other in before.boxes.items():
        assert not _overlap(_rect(box), _rect(other)), f"the new box covers {body_id}"
    _assert_unmoved(before, after)
    _assert_covers_everything(after)


def test_an_unchanged_chart_gives_the_same_layout(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    after = _patched(chart, before)
    assert (after.boxes, after.edges, after.frames, after.engine) == (
        before.boxes, before.edges, before.frames, before.engine,
    )


def test_collapsing_a_group_is_laid_out_afresh(flagship: tuple[Chart, Layout]) -> None:
    chart, before = flagship
    edited = chart.copy()
    edited.set_groups(
        Group(g.id, g.name, g.members, g.kind, collapsed=g.id == "place_sefton")
        for g in chart.groups
    )
    assert update_layout(before, edited) is None


def test_deleting_any_one_body_patches_and_moves_nothing_else(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    for body in chart.bodies:
        edited = chart.copy()
        edited.remove_body(body.id)
        after = update_layout(before, edited)
        assert after is not None, f"deleting {body.id} was not patched"
        _assert_unmoved(before, after)
        for group in edited.groups:
            if group.id in after.frames:
                frame = _rect(after.frames[group.id])
                for member in group.members:
                    if member in after.boxes and edited.groups_of(member)[0] == group:
                        assert _inside(_rect(after.boxes[member]), frame), (body.id, member)
        for a, b in itertools.combinations(after.frames.values(), 2):
            assert not _overlap(_rect(a), _rect(b)), (body.id, a.group_id, b.group_id)


def test_a_new_partner_of_any_body_lands_clear_of_every_box_and_frame(
    flagship: tuple[Chart, Layout],
) -> None:
    chart, before = flagship
    for body in chart.bodies:
        edited = chart.copy()
        edited.add_body(Body("partner", "A new partner organisation", "vcse"))
        edited.add_relationship(Relationship("partnering", "partner", body.id, "partners_with"))
        after = update_layout(before, edited)
        if after is None:
            continue  # no room nearby: the full layout runs instead, which is allowed
        _assert_unmoved(before, after)
        new = _rect(after.boxes["partner"])
        others: list[BoxLayout | FrameLayout] = [*before.boxes.values(), *after.frames.values()]
        for other in others:
            assert not _overlap(new, _rect(other)), (body.id, other)
        assert "partnering" in after.edges
        _assert_covers_everything(after)
