"""The order a reader meets the bodies in: the directory's sections, top-down like the chart.

National and regional bodies first, then the system-level bodies (ICB, ICP, committees), then
each Place in file order, then the provider collaboratives and trusts, then former bodies (such
as the CCGs), and anything left over last. Every body appears exactly once, in the first section
that claims it; within a section, file order (the author's order) is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.wording import shorten
from icsviewer.model.chart import Body, Chart
from icsviewer.model.kinds import body_kind

TIER_NATIONAL = (0, 1)
TIER_SYSTEM = 2
TIER_PROVIDER = 4
TIER_HISTORY = 5


@dataclass(frozen=True)
class Section:
    """One directory section: a heading, an optional introduction and its bodies."""

    key: str
    heading: str
    intro: str
    bodies: tuple[Body, ...]


def _is_former(chart: Chart, body: Body) -> bool:
    if body_kind(body.kind).tier == TIER_HISTORY:
        return True
    as_at = chart.meta.as_at
    return as_at is not None and body.valid_to is not None and body.valid_to < as_at


def directory_sections(chart: Chart) -> list[Section]:
    """The sections in reading order; empty sections are left out."""
    placed: set[str] = set()
    former = [b for b in chart.bodies if _is_former(chart, b)]
    placed.update(b.id for b in former)
    sections: list[Section] = []

    def take(bodies: list[Body]) -> tuple[Body, ...]:
        chosen = []
        for body in bodies:
            if body.id not in placed:
                placed.add(body.id)
                chosen.append(body)
        return tuple(chosen)

    def tier(body: Body) -> int:
        return body_kind(body.kind).tier

    national = take([b for b in chart.bodies if tier(b) in TIER_NATIONAL])
    sections.append(
        Section(
            "national",
            "National and regional bodies",
            "The national bodies and the regional team the system answers to.",
            national,
        )
    )
    place_members = {m for g in chart.places() for m in g.members}
    system = take([b for b in chart.bodies if tier(b) == TIER_SYSTEM and b.id not in place_members])
    sections.append(
        Section(
            "system",
            "System-level bodies",
            "Bodies that work across the whole integrated care system.",
            system,
        )
    )
    for index, group in enumerate(chart.places()):
        members = [chart.body(m) for m in group.members if chart.has_body(m)]
        sections.append(
            Section(
                f"place-{index}",
                f"Place: {shorten(group.name.strip() or group.id)}",
                group.description.strip(),
                take(members),
            )
        )
    collab_groups = [g for g in chart.groups if g.kind == "collaborative"]
    collab_members = [chart.body(m) for g in collab_groups for m in g.members if chart.has_body(m)]
    providers = [b for b in chart.bodies if tier(b) == TIER_PROVIDER]
    # Collaboratives first, then the trusts and other providers.
    ordered = sorted(collab_members + providers, key=lambda b: b.kind != "provider_collaborative")
    sections.append(
        Section(
            "providers",
            "Provider collaboratives and trusts",
            "Collaboratives of NHS trusts and the organisations that provide care.",
            take(ordered),
        )
    )
    other = take(list(chart.bodies))
    sections.append(Section("other", "Other bodies", "", other))
    sections.append(
        Section(
            "former",
            "Former bodies",
            "Bodies that no longer exist, kept for history.",
            tuple(former),
        )
    )
    return [s for s in sections if s.bodies]
