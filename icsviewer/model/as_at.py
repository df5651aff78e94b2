"""The chart as it stood on a day: only the bodies and relationships that existed then.

Bodies and relationships carry `valid_from` / `valid_to`; a relationship survives only if
both its ends do, and groups keep only the members that existed. Used for "as at" views and
exports (the CCGs before July 2022, the ICB after).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icsviewer.model.chart import Chart


def chart_as_at(chart: Chart, day: dt.date) -> Chart:
    """A new chart (no listeners) with what existed on `day`; its meta says the day."""
    bodies = [b for b in chart.bodies if b.valid_on(day)]
    alive = {b.id for b in bodies}
    rels = [
        r
        for r in chart.relationships
        if r.valid_on(day) and r.source in alive and r.target in alive
    ]
    groups = [
        replace(g, members=tuple(m for m in g.members if m in alive)) for g in chart.groups
    ]
    meta = replace(chart.meta, as_at=day)
    return Chart(meta, bodies, rels, groups, chart.tours, chart.extra, chart.format_version)
