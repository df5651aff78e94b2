"""The Graphviz worker: the only module that imports pygraphviz, run only as a child process.

    python -m icsviewer.layout.worker  < graph.json  > geometry.json

It reads one or more candidate graph descriptions (`graph_builder.GraphSpec.to_json_dict`:
the same chart arranged in different ways) and a page size, runs `dot` on each, keeps the one
that fits the page at the largest scale, routes its cross links around the boxes, and answers
with Graphviz's raw geometry strings (graph, node, edge and cluster positions, y up) and the
index of the chosen candidate;
`dot_reader` turns them into a Layout in the parent. Keeping this module this small keeps
everything else testable without Graphviz, and keeps Graphviz's bundled libraries out of the
GUI process (they crash a QApplication on X11; see ARCHITECTURE.md).

Exit status: 0 with JSON on stdout; 2 for unreadable input; 3 when Graphviz fails, with a
one-line reason on stderr.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _run(
    pygraphviz: Any, specs: list[dict[str, Any]], prog: str, pages: list[tuple[float, float]]
) -> dict[str, Any]:
    """Lay out each candidate, keep the one that fits a page area at the largest scale, route
    its overlay lines and answer with its geometry (and which candidate it was)."""
    best: tuple[float, int, Any, dict[str, Any]] | None = None
    for index, spec in enumerate(specs):
        graph, clusters = _build(pygraphviz, spec)
        graph.layout(prog=prog)
        x0, y0, x1, y1 = (float(v) for v in graph.graph_attr["bb"].split(","))
        fit = max(min(pw / max(x1 - x0, 1.0), ph / max(y1 - y0, 1.0)) for pw, ph in pages)
        if best is None or fit > best[0]:
            best = (fit, index, graph, clusters)
    assert best is not None
    _, choice, graph, clusters = best
    spec = specs[choice]
    nodes = {str(n): n.attr.get("pos", "") for n in graph.nodes_iter()}
    # edges_iter() hands out Edge objects with their key as `name`; looking each edge up with
    # get_edge(tail, head, key) instead is quadratic (seconds at a few hundred bodies).
    edges = {
        str(edge.name): edge.attr.get("pos", "")
        for edge in graph.edges_iter()
        if not str(edge.name).startswith("x")
    }
    if spec.get("overlay"):
        edges.update(_route_overlay(pygraphviz, spec, graph, nodes))
    return {
        "choice": choice,
        "bb": graph.graph_attr.get("bb", ""),
        "nodes": nodes,
        "edges": edges,
        "clusters": {name: sub.graph_attr.get("bb", "") for name, sub in clusters.items()},
    }


def _build(pygraphviz: Any, spec: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The AGraph for one graph description, and its clusters by name."""
    graph = pygraphviz.AGraph(directed=True, strict=False, name="chart")
    graph.graph_attr.update(spec["graph"])
    graph.node_attr.update(spec["node_defaults"])
    graph.edge_attr.update(spec["edge_defaults"])
    for name, attrs in spec["nodes"]:
        graph.add_node(name, **attrs)
    for name, tail, head, attrs in spec["edges"]:
        graph.add_edge(tail, head, key=name, **attrs)
    clusters = {}
    # Subgraphs are made empty and then given their nodes: add_subgraph(nodes) also copies
    # every edge among them by scanning all edges, which is quadratic over many subgraphs.
    for cluster in spec["clusters"]:
        sub = graph.add_subgraph(name=cluster["name"], **cluster["attrs"])
        sub.add_nodes_from(cluster["nodes"])
        clusters[cluster["name"]] = sub
    for index, same in enumerate(spec["same_ranks"]):
        graph.add_subgraph(name=f"rank{index}", rank="same").add_nodes_from(same)
    return graph, clusters


def _route_overlay(
    pygraphviz: Any, spec: dict[str, Any], placed: Any, nodes: dict[str, str]
) -> dict[str, str]:
    """Route the overlay lines around the boxes `dot` placed.

    Every node is pinned where `dot` put it (neato reads pinned positions in inches) and neato
    only routes the lines, as splines that go around boxes. neato moves the drawing as a
    whole, so the answer is shifted back by how far the first node moved.
    """
    graph = pygraphviz.AGraph(directed=True, strict=False, name="overlay")
    graph.graph_attr.update({"splines": "spline", "esep": "+3"})
    graph.node_attr.update(spec["node_defaults"])
    graph.edge_attr.update(spec["edge_defaults"])
    for name, _attrs in spec["nodes"]:
        node = placed.get_node(name)
        x, y = (float(v) / 72.0 for v in nodes[name].split(","))
        graph.add_node(name, pos=f"{x},{y}!", width=node.attr["width"], height=node.attr["height"])
    for name, tail, head, attrs in spec["overlay"]:
        routed = {k: v for k, v in attrs.items() if k != "constraint"}
        graph.add_edge(tail, head, key=name, **routed)
    graph.layout(prog="neato")
    first = spec["nodes"][0][0]
    x0, y0 = (float(v) for v in nodes[first].split(","))
    x1, y1 = (float(v) for v in graph.get_node(first).attr["pos"].split(","))
    return {
        str(edge.name): _shift_pos(edge.attr.get("pos", ""), x0 - x1, y0 - y1)
        for edge in graph.edges_iter()
    }


def _shift_pos(pos: str, dx: float, dy: float) -> str:
    """A Graphviz edge `pos` value moved by (dx, dy)."""
    out = []
    for token in pos.split():
        prefix = ""
        if token[:2] in ("e,", "s,"):
            prefix, token = token[:2], token[2:]
        x, y = (float(v) for v in token.split(","))
        out.append(f"{prefix}{x + dx:.3f},{y + dy:.3f}")
    return " ".join(out)


def main() -> int:
    # Graphviz loads before the request is read: a worker started early (the window's
    # start-up starts it while the chart is still being read) has it ready when the request
    # comes.
    try:
        import pygraphviz
    except ImportError as exc:
        sys.stdin.read()  # the caller writes its whole request before reading the answer
        print(f"Graphviz (the pygraphviz package) is not installed: {exc}", file=sys.stderr)
        return 3
    try:
        request = json.loads(sys.stdin.read())
        specs = list(request["specs"])
        prog = str(request.get("prog", "dot"))
        pages = [(float(w), float(h)) for w, h in request["pages"]]
    except (ValueError, KeyError, TypeError) as exc:
        print(f"unreadable layout request: {exc}", file=sys.stderr)
        return 2
    try:
        answer = _run(pygraphviz, specs, prog, pages)
    except Exception as exc:
        print(f"Graphviz failed: {exc}", file=sys.stderr)
        return 3
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
