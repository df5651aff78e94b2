"""Load the flagship chart for layout tests.

Uses the project's reader when it exists; until then a minimal loader that reads only what the
layout needs (ids, names, kinds, pins, relationships, groups), so the legibility test can run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Relationship


def load_chart(path: Path) -> Chart:
    try:
        from icsviewer.io.yaml_reader import read_chart  # type: ignore[import-not-found]
    except ImportError:
        return _minimal_load(path)
    result = read_chart(path)
    return result[0] if isinstance(result, tuple) else getattr(result, "chart", result)


def _minimal_load(path: Path) -> Chart:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    bodies = []
    for b in data.get("bodies", []):
        pinned = b.get("pinned")
        bodies.append(
            Body(
                str(b["id"]),
                str(b.get("name", b["id"])),
                str(b.get("kind", "")),
                short_name=str(b.get("short_name", "")),
                pinned=(float(pinned["x"]), float(pinned["y"])) if pinned else None,
            )
        )
    rels = [
        Relationship(
            str(r.get("id") or f"{r['from']}--{r['kind']}--{r['to']}"),
            str(r["from"]),
            str(r["to"]),
            str(r["kind"]),
        )
        for r in data.get("relationships", [])
    ]
    groups = [
        Group(
            str(g["id"]),
            str(g.get("name", g["id"])),
            tuple(str(m) for m in g.get("members", [])),
            str(g.get("kind", "other")),
            collapsed=bool(g.get("collapsed", False)),
        )
        for g in data.get("groups", [])
    ]
    return Chart(ChartMeta(title=str(data.get("chart", {}).get("title", ""))), bodies, rels, groups)
