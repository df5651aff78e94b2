"""Checks of what an Integrated Care System needs, as warnings (the file is still valid).

    validate_chart(chart, path) -> list[Problem]

- every Place (a group of kind "place") has exactly one council, one health and wellbeing
  board and one place-based partnership;
- every ICB lists at least a chair, a chief executive, and members nominated by NHS trusts,
  by general practice (primary medical services) and by local authorities, the minimum the
  Health and Care Act 2022 sets for an ICB board;
- every body takes part in at least one relationship (a lone box usually means a typo in an id);
- the chart has at least one body.

Warnings point at the body's (or group's) place in the file and carry its id, so the window can
select it. Matching of roles is case-insensitive and tolerant of wording.
"""

from __future__ import annotations

import re

from icsviewer.io.problems import Problem
from icsviewer.model.chart import Body, Chart, Group, Origin

PLACE_NEEDS = (
    ("local_authority", "council (local_authority)"),
    ("hwb", "health and wellbeing board (hwb)"),
    ("place_partnership", "place-based partnership (place_partnership)"),
)

# (what the board needs, pattern matched against each member's role and nominated_by)
ICB_BOARD_NEEDS = (
    ("a chair", re.compile(r"^(?!.*\b(vice|deputy)\b).*\bchair", re.IGNORECASE)),
    ("a chief executive", re.compile(r"chief executive|\bceo\b", re.IGNORECASE)),
    (
        "a member nominated by NHS trusts and foundation trusts",
        re.compile(r"\btrusts?\b|foundation trust|provider", re.IGNORECASE),
    ),
    (
        "a member nominated by general practice (primary medical services)",
        re.compile(r"general practi|primary medical|primary care|\bgps?\b", re.IGNORECASE),
    ),
    (
        "a member nominated by local authorities",
        re.compile(r"local authorit|council", re.IGNORECASE),
    ),
)


def _warning(
    path: str,
    origin: Origin | None,
    message: str,
    hint: str,
    body_id: str = "",
    code: str = "domain",
) -> Problem:
    line, col = (origin.line, origin.column) if origin is not None else (0, 0)
    return Problem(path, line, col, "warning", message, hint, body_id, code)


def check_place(chart: Chart, group: Group, path: str) -> list[Problem]:
    out = []
    members = [chart.body(m) for m in group.members if chart.has_body(m)]
    for kind, what in PLACE_NEEDS:
        count = sum(1 for b in members if b.kind == kind)
        if count != 1:
            found = "none" if count == 0 else f"{count}"
            out.append(
                _warning(
                    path,
                    group.origin,
                    f"Place '{group.name}' ({group.id}) should have exactly one {what}; "
                    f"it has {found}",
                    "every Place has one council, one health and wellbeing board and one "
                    "place-based partnership; add or remove members of the group",
                    code="place",
                )
            )
    return out


def check_icb_board(body: Body, path: str) -> list[Problem]:
    texts = [f"{m.role} {m.nominated_by}" for m in body.members]
    missing = [
        need for need, pattern in ICB_BOARD_NEEDS if not any(pattern.search(t) for t in texts)
    ]
    if not missing:
        return []
    return [
        _warning(
            path,
            body.origin,
            f"ICB '{body.id}': the board's members should include {'; '.join(missing)}",
            "list the board under members: with role: and nominated_by:",
            body.id,
            "icb-board",
        )
    ]


def check_lone_bodies(chart: Chart, path: str) -> list[Problem]:
    linked: set[str] = set()
    for rel in chart.relationships:
        linked.update((rel.source, rel.target))
    return [
        _warning(
            path,
            body.origin,
            f"body '{body.id}' has no relationship to any other body",
            "add a relationship, or check the ids in from: and to:",
            body.id,
            "lone-body",
        )
        for body in chart.bodies
        if body.id not in linked
    ]


def validate_chart(chart: Chart, path: str) -> list[Problem]:
    """Domain warnings for a chart (never errors)."""
    problems: list[Problem] = []
    if not chart.bodies:
        problems.append(
            _warning(
                path,
                None,
                "the chart has no bodies",
                "add bodies under 'bodies:'",
                code="no-bodies",
            )
        )
    for group in chart.places():
        problems.extend(check_place(chart, group, path))
    for body in chart.bodies_of_kind("icb"):
        problems.extend(check_icb_board(body, path))
    problems.extend(check_lone_bodies(chart, path))
    return problems
