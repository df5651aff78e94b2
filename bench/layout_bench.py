"""Layout benchmark: our layout step against Graphviz `dot` alone, on the same generated graph.

    .venv/bin/python bench/layout_bench.py [--sizes 80,500,2500,10000] [--repeats 3]
                                           [--dot-limit 3000] [--json out.json]

For each size, the seeded ICS-shaped generator (`icsviewer.model.generator`) makes a chart.
"ours" is `compute_layout(chart, cache=None)` as the app calls it (engine chosen
automatically: Graphviz in a child process up to the tree threshold, the tree layout above),
timed from the caller's side, so process start-up and JSON transport count against us.
"dot alone" lays out the identical graph - the same nodes at the same box sizes and the same
edges, no clusters or shaping - with pygraphviz's bundled `dot` in a child process, timed
inside that process around `layout()` only. Both are medians of `--repeats` runs. Sizes above
`--dot-limit` skip `dot` alone (it needs ~35 s at 10,000 here) unless the limit is raised.
Not part of `make test`; prints a markdown table; no target is asserted here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from icsviewer.layout.client import compute_layout  # noqa: E402
from icsviewer.layout.structure import build_structure  # noqa: E402
from icsviewer.model.chart import Chart  # noqa: E402
from icsviewer.model.generator import generate_chart  # noqa: E402

_DOT_ALONE = """
import json, sys, time
import pygraphviz
spec = json.loads(sys.stdin.read())
g = pygraphviz.AGraph(directed=True, strict=False)
g.node_attr.update(shape="box", fixedsize="true", label="")
for name, w, h in spec["nodes"]:
    g.add_node(name, width=w, height=h)
for i, (t, h) in enumerate(spec["edges"]):
    g.add_edge(t, h, key=str(i))
start = time.perf_counter()
g.layout(prog="dot")
print(time.perf_counter() - start)
"""


def plain_graph(chart: Chart) -> dict[str, Any]:
    """The chart as a bare graph: every visible box at its size, every relationship."""
    structure = build_structure(chart)
    return {
        "nodes": [
            [node_id, node.size.width / 72, node.size.height / 72]
            for node_id, node in structure.nodes.items()
        ],
        "edges": [[link.tail, link.head] for link in structure.links],
    }


def time_dot_alone(chart: Chart, timeout: float) -> float | None:
    payload = json.dumps(plain_graph(chart))
    try:
        out = subprocess.run(
            [sys.executable, "-c", _DOT_ALONE], input=payload, capture_output=True, text=True,
            timeout=timeout, check=True,
        )
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
        return None
    return float(out.stdout.strip().splitlines()[-1])


def time_ours(chart: Chart) -> tuple[float, str]:
    start = time.perf_counter()
    layout = compute_layout(chart, cache=None)
    return time.perf_counter() - start, layout.engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="80,500,2500,10000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--dot-limit", type=int, default=3000)
    parser.add_argument("--dot-timeout", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        chart = generate_chart(size, args.seed)
        ours = [time_ours(chart) for _ in range(args.repeats)]
        ours_s = statistics.median(t for t, _ in ours)
        dot_s: float | None = None
        if size <= args.dot_limit:
            runs = [time_dot_alone(chart, args.dot_timeout) for _ in range(args.repeats)]
            done = [r for r in runs if r is not None]
            dot_s = statistics.median(done) if done else None
        rows.append({
            "bodies": size, "relationships": len(chart.relationships), "engine": ours[0][1],
            "ours_s": ours_s, "dot_alone_s": dot_s,
            "ratio": (ours_s / dot_s) if dot_s else None,
        })
        print(f"{size} bodies done", file=sys.stderr)
    print("| bodies | relationships | our engine | ours (s) | dot alone (s) | ours / dot |")
    print("|---:|---:|:---|---:|---:|---:|")
    for r in rows:
        dot = f"{r['dot_alone_s']:.3f}" if r["dot_alone_s"] is not None else "skipped"
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        print(f"| {r['bodies']} | {r['relationships']} | {r['engine']} | {r['ours_s']:.3f} "
              f"| {dot} | {ratio} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
