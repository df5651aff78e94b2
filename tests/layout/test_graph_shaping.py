"""How the chart is shaped for Graphviz (checked without Graphviz), and reading its answer."""

from __future__ import annotations

import pytest

from icsviewer.layout.dot_reader import read_answer
from icsviewer.layout.graph_builder import GraphSpec, build_spec
from icsviewer.layout.structure import Structure, build_structure
from tests.layout.charts import small_ics


def _spec() -> tuple[Structure, GraphSpec]:
    structure = build_structure(small_ics())
    return structure, build_spec(structure)


def test_cross_links_never_constrain_ranks() -> None:
    _, spec = _spec()
    names = {link.rel_id: name for name, (link, _) in spec.edge_links.items()}
    edges = {name: attrs for name, _, _, attrs in spec.edges}
    for rel_id in ("collab_icb", "ccg_icb", "wirral_regard"):  # partners, replaced, regard
        name = names[rel_id]
        in_overlay = any(o[0] == name for o in spec.overlay)
        assert in_overlay or edges[name].get("constraint") == "false", rel_id


def test_a_place_is_stacked_partnership_council_board_in_one_frame() -> None:
    _, spec = _spec()
    ids = spec.node_ids
    hidden = {(ids[t], ids[h]) for name, t, h, a in spec.edges if a.get("style") == "invis"}
    assert ("wirral_pp", "wirral_council") in hidden
    assert ("wirral_council", "wirral_hwb") in hidden
    frame = next(c for c in spec.clusters if spec.cluster_ids.get(c["name"]) == "place_wirral")
    assert {ids[n] for n in frame["nodes"]} == {"wirral_pp", "wirral_council", "wirral_hwb"}


def test_places_are_not_all_on_one_rank() -> None:
    _, spec = _spec()
    partnerships = {name for name, i in spec.node_ids.items() if i.endswith("_pp")}
    for same in spec.same_ranks:
        # Five Places of ~130 pt fit one shelf; what matters is that the builder decides
        # shelves rather than Graphviz's default single rank of every partnership, council
        # and board (15 boxes).
        assert len(set(same) & partnerships) <= 5
        councils = {n for n in same if spec.node_ids[n].endswith("_council")}
        assert not (councils and set(same) & partnerships)


def test_the_answer_is_flipped_to_y_down_and_reversed_lines_run_source_to_target() -> None:
    structure, spec = _spec()
    # A fake answer: every node on a diagonal, every line straight between its ends.
    pos = {name: (100.0 * i, 1000.0 - 50.0 * i) for i, name in enumerate(spec.node_ids)}
    all_edges = spec.edges + spec.overlay
    answer = {
        "bb": "0,0,5000,1000",
        "nodes": {n: f"{x},{y}" for n, (x, y) in pos.items()},
        "edges": {
            name: " ".join(f"{x},{y}" for x, y in _line(pos[t], pos[h]))
            for name, t, h, _ in all_edges
            if not name.startswith("x")
        },
        "clusters": {c["name"]: "0,0,5000,1000" for c in spec.clusters},
    }
    layout = read_answer(answer, spec, structure)
    # Graphviz's y grows upward: the first node (highest y) comes out at the top.
    first, second = (spec.node_ids[spec.nodes[i][0]] for i in (0, 1))
    assert layout.boxes[first].center[1] < layout.boxes[second].center[1]
    assert layout.boxes[first].center[1] - layout.boxes[second].center[1] == pytest.approx(-50.0)
    # t1 member_of collab is added reversed (collab above t1): read back it starts at t1.
    edge = layout.edges["t1_collab"]
    t1 = layout.boxes["t1"].center
    assert edge.points[0] == pytest.approx(t1, abs=0.01)


def test_a_malformed_answer_is_a_value_error() -> None:
    structure, spec = _spec()
    with pytest.raises(ValueError):
        read_answer({"bb": "0,0,10,10", "nodes": {}, "edges": {}, "clusters": {}}, spec, structure)
    with pytest.raises(ValueError):
        read_answer(["not", "a", "dict"], spec, structure)


def _line(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    return [(a[0] + (b[0] - a[0]) * t / 3, a[1] + (b[1] - a[1]) * t / 3) for t in range(4)]


def test_one_system_gets_several_arrangements_to_choose_from_a_big_chart_one() -> None:
    from icsviewer.layout.graph_builder import candidate_specs
    from icsviewer.model.generator import generate_chart

    small = candidate_specs(build_structure(generate_chart(62, seed=0)))
    assert len(small) > 1
    # They differ in arrangement only: the same boxes and the same lines.
    assert len({len(s.nodes) for s in small}) == 1
    assert len({len(s.edge_links) for s in small}) == 1
    assert len(candidate_specs(build_structure(generate_chart(400, seed=0)))) == 1


def test_a_line_label_sits_toward_its_lower_end() -> None:
    import math

    structure, spec = _spec()
    pos = {name: (100.0 * i, 1000.0 - 50.0 * i) for i, name in enumerate(spec.node_ids)}
    answer = {
        "bb": "0,0,5000,1000",
        "nodes": {n: f"{x},{y}" for n, (x, y) in pos.items()},
        "edges": {
            name: " ".join(f"{x},{y}" for x, y in _line(pos[t], pos[h]))
            for name, t, h, _ in spec.edges + spec.overlay
            if not name.startswith("x")
        },
        "clusters": {c["name"]: "0,0,5000,1000" for c in spec.clusters},
    }
    layout = read_answer(answer, spec, structure)
    for edge in layout.edges.values():
        assert edge.label_pos is not None
        start, end = edge.points[0], edge.points[-1]
        lower, upper = (end, start) if end[1] >= start[1] else (start, end)
        assert math.dist(edge.label_pos, lower) <= math.dist(edge.label_pos, upper) + 0.01
