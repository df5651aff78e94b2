"""A small chart file for the editor's saving, recovery and watching tests."""

from __future__ import annotations

from pathlib import Path

CHART_TEXT = """\
format: 1
chart:
  title: Example ICS
  version: "1.0"
  as_at: 2025-11-01
  marking: OFFICIAL
  x_team_note: kept as it is   # a key this version does not know
bodies:
  - id: nhse
    name: NHS England
    kind: national_body
  - id: example_icb
    name: NHS Example Integrated Care Board
    short_name: Example ICB
    kind: icb
    description: Plans and funds NHS care.
  - id: example_council
    name: Example Council
    kind: local_authority
relationships:
  - from: example_icb
    to: nhse
    kind: accountable_to
  - id: council_partners
    from: example_council
    to: example_icb
    kind: partners_with
groups:
  - id: place_example
    name: Example Place
    kind: place
    members: [example_council]
"""


def write_chart(folder: Path, name: str = "chart.yaml") -> Path:
    path = folder / name
    path.write_text(CHART_TEXT, encoding="utf-8")
    return path
