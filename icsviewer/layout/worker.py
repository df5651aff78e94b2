"""The Graphviz worker: the only module that imports pygraphviz, run only as a child process.

    python -m icsviewer.layout.worker  < graph.json  > geometry.json

It reads a graph description made by `graph_builder.GraphSpec.to_json_dict`, runs `dot`, and
answers with Graphviz's raw geometry strings (graph, node, edge and cluster positions, y up);
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


def _run(spec: dict[str, Any], prog: str) -> dict[str, Any]:
    import pygraphviz

    graph = pygraphviz.AGraph(directed=True, strict=False, name="chart")
    graph.graph_attr.update(spec["graph"])
    graph.node_attr.update(spec["node_defaults"])
    graph.edge_attr.update(spec["edge_defaults"])
    for name, attrs in spec["nodes"]:
        graph.add_node(name, **attrs)
    for name, tail, head, attrs in spec["edges"]:
        graph.add_edge(tail, head, key=name, **attrs)
    clusters = {}
    for cluster in spec["clusters"]:
        clusters[cluster["name"]] = graph.add_subgraph(
            cluster["nodes"], name=cluster["name"], **cluster["attrs"]
        )
    for index, same in enumerate(spec["same_ranks"]):
        graph.add_subgraph(same, name=f"rank{index}", rank="same")
    graph.layout(prog=prog)
    return {
        "bb": graph.graph_attr.get("bb", ""),
        "nodes": {str(n): graph.get_node(n).attr.get("pos", "") for n in graph.nodes()},
        "edges": {
            str(key): graph.get_edge(tail, head, key).attr.get("pos", "")
            for tail, head, key in graph.edges(keys=True)
            if not str(key).startswith("x")
        },
        "clusters": {
            name: sub.graph_attr.get("bb", "") for name, sub in clusters.items()
        },
    }


def main() -> int:
    try:
        request = json.loads(sys.stdin.read())
        spec = request["spec"]
        prog = str(request.get("prog", "dot"))
    except (ValueError, KeyError, TypeError) as exc:
        print(f"unreadable layout request: {exc}", file=sys.stderr)
        return 2
    try:
        answer = _run(spec, prog)
    except Exception as exc:
        print(f"Graphviz failed: {exc}", file=sys.stderr)
        return 3
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
