"""Duplicate and paste: copies of bodies (and the relationships among them) with fresh ids.

A pasted body whose id is already taken gets a new one (`cm_icb` -> `cm_icb_2`), and the
relationships copied with it are re-pointed, so a paste never collides with what is there,
within one chart or between charts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from icsviewer.editor.commands.base import HasChart
from icsviewer.editor.commands.body_commands import AddElements
from icsviewer.model.chart import Body, Chart, Relationship

# What a file may spell as an id (see docs/FILE_FORMAT.md).
_FILE_ID = re.compile(r"[a-z0-9_]+")
# How far a copy of a pinned body lands from the original, in points, so both stay visible.
COPY_OFFSET = (24.0, 24.0)


def _fresh(stem: str, taken: set[str], sep: str) -> str:
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}{sep}{n}", n + 1
    taken.add(candidate)
    return candidate


def copies_with_fresh_ids(
    chart: Chart,
    bodies: Sequence[Body],
    relationships: Sequence[Relationship],
    name_suffix: str = "",
) -> tuple[list[Body], list[Relationship]]:
    """Copies of `bodies` that fit into `chart`, with the relationships among them re-pointed.

    Relationships with an end outside `bodies` are left out: a copy never links to a body it
    did not bring along.
    """
    taken = set(chart.body_ids())
    id_map: dict[str, str] = {}
    new_bodies: list[Body] = []
    for body in bodies:
        if body.id in id_map:
            continue  # the same body twice in a hand-made clipboard text
        new_id = _fresh(body.id, taken, "_")
        id_map[body.id] = new_id
        pinned = body.pinned
        if pinned is not None and new_id != body.id:
            pinned = (pinned[0] + COPY_OFFSET[0], pinned[1] + COPY_OFFSET[1])
        name = f"{body.name}{name_suffix}" if name_suffix else body.name
        new_bodies.append(replace(body, id=new_id, name=name, pinned=pinned, origin=None))
    taken_rels = {r.id for r in chart.relationships}
    new_rels: list[Relationship] = []
    for rel in relationships:
        if rel.source not in id_map or rel.target not in id_map:
            continue
        source, target = id_map[rel.source], id_map[rel.target]
        # An id the reader made up (or one a file could not spell) is made up afresh in the
        # reader's scheme and left out of the file; an id the user chose gets a suffix.
        generated = rel.id_generated or not _FILE_ID.fullmatch(rel.id)
        if generated:
            new_id = _fresh(f"{source}--{rel.kind}--{target}", taken_rels, "--")
        else:
            new_id = _fresh(rel.id, taken_rels, "_")
        new_rels.append(
            replace(rel, id=new_id, source=source, target=target, id_generated=generated,
                    origin=None)
        )
    return new_bodies, new_rels


def duplicate_bodies(doc: HasChart, body_ids: Iterable[str]) -> AddElements:
    """Copies of the selected bodies, and of the relationships among them, in one step."""
    chart = doc.chart
    ids = [i for i in dict.fromkeys(body_ids) if chart.has_body(i)]
    chosen = set(ids)
    rels = [r for r in chart.relationships if r.source in chosen and r.target in chosen]
    bodies, new_rels = copies_with_fresh_ids(
        chart, [chart.body(i) for i in ids], rels, name_suffix=" (copy)"
    )
    n = len(bodies)
    text = "Duplicate body" if n == 1 else f"Duplicate {n} bodies"
    return AddElements(doc, bodies, new_rels, text)


def paste_elements(
    doc: HasChart, bodies: Sequence[Body], relationships: Sequence[Relationship]
) -> AddElements:
    """Paste bodies and relationships (from the clipboard) into the chart in one step."""
    new_bodies, new_rels = copies_with_fresh_ids(doc.chart, bodies, relationships)
    n = len(new_bodies)
    return AddElements(doc, new_bodies, new_rels, "Paste body" if n == 1 else f"Paste {n} bodies")
