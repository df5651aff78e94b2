"""The legend: which body and relationship kinds a chart uses, with their styles.

The window's legend dock and every exporter draw this same list, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from icsviewer.model.chart import Chart
from icsviewer.model.kinds import body_kind, relation_kind
from icsviewer.style.theme import BodyStyle, RelationStyle, Theme


@dataclass(frozen=True)
class BodyLegendEntry:
    kind: str
    label: str
    description: str
    style: BodyStyle


@dataclass(frozen=True)
class RelationLegendEntry:
    kind: str
    label: str
    description: str
    style: RelationStyle


@dataclass(frozen=True)
class Legend:
    bodies: tuple[BodyLegendEntry, ...]
    relations: tuple[RelationLegendEntry, ...]


def build_legend(chart: Chart, theme: Theme) -> Legend:
    """Entries for the kinds present in the chart, ordered by tier then registry order."""
    body_kinds = list(dict.fromkeys(b.kind for b in chart.bodies))
    body_kinds.sort(key=lambda k: body_kind(k).tier)
    rel_kinds = list(dict.fromkeys(r.kind for r in chart.relationships))
    return Legend(
        tuple(
            BodyLegendEntry(k, body_kind(k).display_name, body_kind(k).legend, theme.body_style(k))
            for k in body_kinds
        ),
        tuple(
            RelationLegendEntry(
                k, relation_kind(k).display_name, relation_kind(k).legend, theme.relation_style(k)
            )
            for k in rel_kinds
        ),
    )
