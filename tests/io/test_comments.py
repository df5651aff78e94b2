"""A file's own comments survive load and save, beside what they were written about."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from icsviewer.io.reader import load_chart, parse_chart_text
from icsviewer.io.writer import dump_chart, save_chart
from icsviewer.model.chart import Body

COMMENTED = """\
# A chart with comments everywhere they are allowed.
format: 1                # always 1 for now
chart:
  title: Test chart
  # Why this version:
  version: '2.0'
bodies:

  # --- National ---
  - id: nhse
    name: NHS England    # the national body
    kind: national_body
    description: |-
      Text, not a comment:
      # this line is part of the description
  # --- Local ---
  - id: test_icb
    name: 'Test # ICB'
    kind: icb
    members:
      - role: Chair      # appointed 2022
relationships:
  - from: test_icb
    to: nhse
    kind: accountable_to
# The end.
"""


def _load(text: str):
    result = parse_chart_text(text, "x.yaml", domain_checks=False)
    assert not result.errors, [str(p) for p in result.errors]
    return result


def test_a_commented_canonical_file_is_reproduced_byte_for_byte() -> None:
    result = _load(COMMENTED)
    assert dump_chart(result.chart, result.comments) == COMMENTED


def test_hashes_inside_text_are_not_comments() -> None:
    result = _load(COMMENTED)
    assert result.chart.body("nhse").description.endswith("# this line is part of the description")
    assert result.chart.body("test_icb").name == "Test # ICB"
    assert dump_chart(result.chart, result.comments).count("# this line is part") == 1


def test_a_comment_follows_its_body_when_others_are_added_and_goes_with_it() -> None:
    result = _load(COMMENTED)
    chart = result.chart
    chart.add_body(Body("new_body", "New", "vcse"), index=0)
    out = dump_chart(chart, result.comments)
    assert "  # --- Local ---\n  - id: test_icb\n" in out
    assert "    name: NHS England    # the national body\n" in out
    chart.remove_body("test_icb")
    out = dump_chart(chart, result.comments)
    assert "--- Local ---" not in out and "appointed 2022" not in out
    assert "# --- National ---" in out and "# The end." in out


def test_without_comments_the_output_has_none() -> None:
    out = dump_chart(_load(COMMENTED).chart)
    assert "# the national body" not in out and "# The end." not in out
    assert out.count("#") == 2  # the two inside text


def test_save_chart_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    result = load_chart(path)
    save_chart(result.chart, path, comments=result.comments)
    assert path.read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize("name", ["template.yaml", "cheshire_and_merseyside.yaml"])
def test_every_comment_of_the_bundled_files_survives_in_order(
    flagship_path: Path, name: str
) -> None:
    path = flagship_path.with_name(name)
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    result = load_chart(path)
    out = dump_chart(result.chart, result.comments)
    assert re.findall(r"#.*", out) == re.findall(r"#.*", path.read_text(encoding="utf-8"))
    again = parse_chart_text(out, "again.yaml")
    assert again.chart == result.chart
    assert dump_chart(again.chart, again.comments) == out
