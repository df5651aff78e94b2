"""Writing: deterministic, readable YAML that reads back to the same chart.

The round trip on random charts is in test_roundtrip_property.py; these pin the promises a
person reading the file or a diff would notice.
"""

from __future__ import annotations

import datetime as dt

import pytest

from icsviewer.io.reader import load_chart, parse_chart_text
from icsviewer.io.writer import dump_chart
from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Relationship, Tour, TourStep
from tests.io.conftest import VALID

CANONICAL = """\
format: 1
chart:
  title: Test chart
  version: '1.10'
  as_at: 2025-11-01
bodies:
  - id: nhse
    name: NHS England
    kind: national_body
    aliases: [NHSE, 'no']
    description: >-
      The national body that leads the NHS in England. It set up every integrated care board
      and checks each year how well each board is doing.
  - id: test_icb
    name: Test ICB
    short_name: 'NO'
    kind: icb
    notes: |-
      First line.
      Second line.
    valid_from: 2022-07-01
    style: {fill: '#005EB8'}
    pinned: {x: 120.0, y: -4.5}
    future_field: kept
relationships:
  - from: test_icb
    to: nhse
    kind: accountable_to
    label: '12:30'
  - id: explicit_id
    from: nhse
    to: test_icb
    kind: hosts
groups:
  - id: national
    name: National
    members: [nhse, test_icb]
tours:
  - id: intro
    name: Intro
    mode: build
    steps:
      - bodies: [nhse]
        caption: 'Yes'
"""


def _load(text: str) -> Chart:
    result = parse_chart_text(text, "x.yaml", domain_checks=False)
    assert not result.errors, [str(p) for p in result.errors]
    assert result.chart is not None
    return result.chart


def test_a_canonical_file_is_reproduced_byte_for_byte() -> None:
    assert dump_chart(_load(CANONICAL)) == CANONICAL


def test_load_dump_load_gives_an_equal_chart() -> None:
    chart = _load(CANONICAL)
    assert _load(dump_chart(chart)) == chart


def test_the_flagship_and_template_round_trip_if_present(flagship_path) -> None:
    for path in (flagship_path, flagship_path.with_name("template.yaml")):
        if not path.exists():
            pytest.skip(f"{path.name} not written yet")
        chart = load_chart(path).chart
        text = dump_chart(chart)
        assert _load(text) == chart
        assert dump_chart(_load(text)) == text


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "on",
        "~",
        "null",
        "",
        "0755",
        "12:30",
        "1.10",
        "2025-01-01",
        "#005EB8",
        "a: b",
        "- x",
        "[x]",
        "&a",
        "*a",
        "!t",
        "@x",
        " pad",
        "pad ",
        "'",
        '"',
        "---",
        "true",
    ],
)
def test_text_yaml_11_would_misread_is_quoted(value: str) -> None:
    chart = _load(VALID)
    chart.replace_body(
        Body("nhse", "NHS England", "national_body", short_name=value or "x", notes=value)
    )
    reread = _load(dump_chart(chart)).body("nhse")
    assert (reread.short_name, reread.notes) == (value or "x", value)


def test_records_keep_the_key_order_of_the_file_and_format_comes_first() -> None:
    text = VALID.replace(
        "  - id: test_icb\n    name: Test ICB\n    kind: icb\n",
        "  - kind: icb\n    id: test_icb\n    name: Test ICB\n",
    )
    out = dump_chart(
        _load("chart: {title: T}\n" + text.replace("chart:\n  title: Test chart\n", ""))
    )
    assert out.startswith("format: 1\nchart:\n")
    assert "  - kind: icb\n    id: test_icb\n    name: Test ICB\n" in out


def test_new_records_use_the_canonical_order_and_omit_empty_and_default_fields() -> None:
    chart = Chart(
        ChartMeta(),
        [Body("a", "A", "icb"), Body("b", "B", "hwb")],
        [Relationship("r", "a", "b", "partners_with")],
        [Group("g", "G", ("a",))],
        [Tour("t", "T", (TourStep(()),))],
    )
    assert dump_chart(chart) == (
        "format: 1\nbodies:\n  - id: a\n    name: A\n    kind: icb\n"
        "  - id: b\n    name: B\n    kind: hwb\nrelationships:\n"
        "  - id: r\n    from: a\n    to: b\n    kind: partners_with\n"
        "groups:\n  - id: g\n    name: G\n    members: [a]\n"
        "tours:\n  - id: t\n    name: T\n    steps:\n      - bodies: []\n"
    )


def test_unknown_keys_at_every_level_survive() -> None:
    text = (
        VALID.replace("format: 1\n", "format: 1\nx_top: [1, 2]\n")
        .replace("  title: Test chart\n", "  title: Test chart\n  x_meta: {deep: {deeper: yes}}\n")
        .replace(
            "    kind: icb\n",
            "    kind: icb\n    links:\n      - {url: 'https://a.b', x_link: 2025-01-01}\n",
        )
    )
    chart = _load(text)
    again = _load(dump_chart(chart))
    assert again.extra == {"x_top": [1, 2]}
    assert again.meta.extra == {"x_meta": {"deep": {"deeper": True}}}
    assert again.body("test_icb").links[0].extra == {"x_link": dt.date(2025, 1, 1)}


def test_generated_relationship_ids_are_not_written_but_explicit_ones_are() -> None:
    out = dump_chart(_load(CANONICAL))
    assert "test_icb--accountable_to--nhse" not in out and "id: explicit_id" in out


def test_long_prose_is_folded_and_multi_line_text_is_a_literal_block() -> None:
    out = dump_chart(_load(CANONICAL))
    assert "    description: >-\n      The national body" in out
    assert "    notes: |-\n      First line.\n      Second line.\n" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_control_characters_are_written_as_escapes() -> None:
    chart = _load(VALID)
    chart.replace_body(Body("nhse", "NHS\x1b[31m \u2028England\x00", "national_body"))
    out = dump_chart(chart)
    assert "\x1b" not in out and "\x00" not in out and "\u2028" not in out
    assert _load(out).body("nhse").name == "NHS\x1b[31m \u2028England\x00"


def test_output_is_the_same_every_time() -> None:
    chart = _load(CANONICAL)
    assert dump_chart(chart) == dump_chart(chart.copy())


def test_a_lone_surrogate_is_replaced_so_the_file_still_reads() -> None:
    chart = _load(VALID)
    chart.replace_body(Body("nhse", "NHS \ud800 England", "national_body"))
    out = dump_chart(chart)
    out.encode("utf-8")
    assert _load(out).body("nhse").name == "NHS \ufffd England"
