"""Reading a chart: each rejection with its message and line:col, and what is kept.

A file with errors in some records still gives a chart of what can be shown; a file that
cannot be parsed gives none. Nothing in a file is ever executed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from icsviewer.io.reader import load_chart, parse_chart_text
from tests.io.conftest import VALID, errors_with, only_error


def _with_body(extra_lines: str) -> str:
    """VALID plus a third body (`test_trust`, member of the ICB) ending with `extra_lines`."""
    return VALID.replace(
        "relationships:\n",
        "  - id: test_trust\n    name: Test Trust\n    kind: nhs_trust\n"
        + extra_lines
        + "relationships:\n  - {from: test_trust, to: test_icb, kind: member_of}\n",
    )


def test_records_remember_where_they_came_from_and_their_key_order(write) -> None:
    path = write(VALID)
    chart = load_chart(path).chart
    icb = chart.body("test_icb")
    assert (icb.origin.path, icb.origin.line, icb.origin.column) == (str(path), 8, 5)
    assert icb.key_order == ("id", "name", "kind")


def test_missing_relationship_id_is_generated_and_flagged() -> None:
    rel = parse_chart_text(VALID, "x.yaml").chart.relationships[0]
    assert rel.id == "test_icb--accountable_to--nhse" and rel.id_generated


def test_generated_ids_are_unique_and_dropped_relationships_take_none() -> None:
    base = "test_icb--accountable_to--nhse"
    text = VALID + (
        "  - {from: test_icb, to: ghost, kind: accountable_to}\n"  # dropped: no ghost
        "  - {id: own_id, from: nhse, to: test_icb, kind: hosts}\n"
        "  - {from: test_icb, to: nhse, kind: accountable_to}\n"  # the first one again
    )
    result = parse_chart_text(text, "x.yaml")
    rels = result.chart.relationships
    assert [(rel.id, rel.id_generated) for rel in rels] == [
        (base, True),
        ("own_id", False),
        (f"{base}--2", True),
    ]
    assert [p.code for p in result.errors] == ["dangling"]
    assert "relationship test_icb -> ghost: to 'ghost'" in result.errors[0].message


def test_duplicate_keys_report_both_positions(write) -> None:
    result = load_chart(
        write(VALID.replace("    name: Test ICB\n", "    name: Test ICB\n    name: Other\n"))
    )
    error = only_error(result.problems)
    assert error.code == "duplicate-key" and (error.line, error.column) == (10, 5)
    assert "'name'" in error.message and "first at line 9, column 5" in error.message


def test_duplicate_top_level_section_is_refused(write) -> None:
    result = load_chart(write(VALID + "bodies: []\n"))
    error = errors_with(result.problems, "duplicate-key")[0]
    assert "'bodies'" in error.message and error.line == 15


@pytest.mark.parametrize(
    "payload",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/apply:builtins.exec [\"open('{marker}', 'w')\"]",
        "!!python/name:os.system",
        '!<tag:yaml.org,2002:python/object/new:os.system> ["touch {marker}"]',
    ],
)
def test_python_tags_are_refused_and_never_run(write, tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    text = _with_body(f"    description: {payload.format(marker=marker)}\n")
    result = load_chart(write(text))
    error = only_error(result.problems)
    assert error.code == "tag" and "Python tag" in error.message and error.line == 14
    assert not marker.exists()


def test_a_python_tag_directive_at_the_root_is_refused(write, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        f'%TAG !p! tag:yaml.org,2002:python/\n---\n!p!object/apply:os.system ["touch {marker}"]\n'
    )
    result = load_chart(write(text))
    assert result.chart is None and errors_with(result.problems, "tag")
    assert not marker.exists()


@pytest.mark.parametrize(
    "value", ["!!binary aGVsbG8=", "!!set {a, b}", "!custom x", "!!omap [a: 1]"]
)
def test_non_standard_tags_are_refused_naming_the_field(write, value: str) -> None:
    error = only_error(load_chart(write(_with_body(f"    notes: {value}\n"))).problems)
    assert error.code == "tag" and error.message.startswith("notes: the tag")


def test_merge_keys_are_refused(write) -> None:
    result = load_chart(write(_with_body("    <<: {notes: merged}\n")))
    error = only_error(result.problems)
    assert error.code == "merge-key" and (error.line, error.column) == (14, 5)


@pytest.mark.parametrize(
    ("line", "field", "typed", "read_as"),
    [
        ("short_name: NO", "short_name", "NO", "yes/no value false"),
        ("short_name: on", "short_name", "on", "yes/no value true"),
        ("short_name: 0755", "short_name", "0755", "number 493"),
        ("short_name: 12:30", "short_name", "12:30", "number 750"),
        ("notes: 2024-01-01", "notes", "2024-01-01", "a date"),
        ("notes: .5", "notes", ".5", "number 0.5"),
    ],
)
def test_yaml_11_surprises_in_text_fields_say_which_field_and_suggest_quotes(
    write, line, field, typed, read_as
) -> None:
    error = only_error(load_chart(write(_with_body(f"    {line}\n"))).problems)
    assert error.code == "yaml11" and (error.line, error.column) == (14, len(field) + 7)
    assert f"{field} must be text" in error.message and read_as in error.message
    assert f'{field}: "{typed}"' in error.hint


def test_a_version_number_must_be_quoted() -> None:
    result = parse_chart_text(
        VALID.replace("  title: Test chart\n", "  title: T\n  version: 1.10\n"), "x"
    )
    error = only_error(result.problems)
    assert "version must be text" in error.message and "1.1" in error.message
    assert 'version: "1.10"' in error.hint


def test_quoted_values_are_text() -> None:
    chart = parse_chart_text(_with_body("    short_name: \"NO\"\n    notes: '12:30'\n"), "x").chart
    trust = chart.body("test_trust")
    assert (trust.short_name, trust.notes) == ("NO", "12:30")


def test_null_name_is_an_error_and_the_body_is_left_out() -> None:
    result = parse_chart_text(VALID.replace("name: Test ICB", "name: ~"), "x")
    assert "name is empty" in errors_with(result.problems, "empty")[0].message
    assert not result.chart.has_body("test_icb")


def test_unknown_keys_warn_with_did_you_mean_and_are_kept(write) -> None:
    result = load_chart(write(_with_body("    nmae: typo\n    colour_scheme: {a: [1, 2]}\n")))
    assert result.ok
    warnings = [p for p in result.problems if p.code == "unknown-key"]
    assert [w.line for w in warnings] == [14, 15]
    assert "did you mean 'name'?" in warnings[0].hint
    trust = result.chart.body("test_trust")
    assert trust.extra == {"nmae": "typo", "colour_scheme": {"a": [1, 2]}}
    assert trust.key_order[-2:] == ("nmae", "colour_scheme")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("aliases: just one", "aliases must be a list"),
        ("description: [a, b]", "description must be text, not a list"),
        ("members: {role: Chair}", "members must be a list"),
        ("pinned: [1, 2]", "pinned must be a mapping"),
        ("pinned: {x: .nan, y: 1}", "pinned x must be a finite number"),
        ("pinned: {x: 1, y: -1.0e+308}", "pinned y -1.0e+308 is out of range"),
        ("style: {fill: red}", "fill 'red' is not a colour"),
        ("valid_from: 2024-02-30", "valid_from 2024-02-30 is not a real date"),
        ("valid_from: 2024-01-01 10:00:00", "must be a date without a time"),
        ("valid_from: soon", "valid_from must be a date"),
    ],
)
def test_wrong_types_are_errors_but_the_body_is_kept(line, message) -> None:
    result = parse_chart_text(_with_body(f"    {line}\n"), "x")
    error = only_error(result.problems)
    assert message in error.message and error.line == 14 and error.body_id == "test_trust"
    assert result.chart.has_body("test_trust")


def test_unquoted_hash_colour_explains_the_comment() -> None:
    error = only_error(
        parse_chart_text(_with_body("    style:\n      fill: #005EB8\n"), "x").problems
    )
    assert "fill is empty" in error.message and '"#005EB8"' in error.hint


def test_unknown_kind_suggests_the_nearest() -> None:
    error = only_error(parse_chart_text(VALID.replace("kind: icb", "kind: icbb"), "x").problems)
    assert error.code == "unknown-kind" and "'icbb'" in error.message
    assert error.hint == "did you mean 'icb'?"


def test_bad_ids_are_refused_with_a_suggestion() -> None:
    result = parse_chart_text(VALID.replace("id: test_icb", "id: Test ICB"), "x")
    error = errors_with(result.problems, "bad-id")[0]
    assert "lower-case letters" in error.message and "test_icb" in error.hint


def test_duplicate_ids_keep_the_first_body() -> None:
    text = VALID.replace(
        "relationships:", "  - {id: nhse, name: Second, kind: icb}\nrelationships:"
    )
    result = parse_chart_text(text, "x")
    error = errors_with(result.problems, "duplicate-id")[0]
    assert "first body with this id is at line 5" in error.message and error.line == 11
    assert result.chart.body("nhse").name == "NHS England"


@pytest.mark.parametrize(
    ("rel", "code", "text"),
    [
        (
            "{from: test_icb, to: nhs_england, kind: member_of}",
            "dangling",
            "'nhs_england' is not a body",
        ),
        (
            "{from: test_icb, to: test_icb, kind: member_of}",
            "self-relationship",
            "related to itself",
        ),
    ],
)
def test_relationships_to_unknown_bodies_or_themselves_are_dropped(rel, code, text) -> None:
    result = parse_chart_text(VALID + f"  - {rel}\n", "x")
    error = only_error(result.problems)
    assert error.code == code and text in error.message and error.line == 15
    assert len(result.chart.relationships) == 1


def test_end_before_start_is_an_error() -> None:
    text = VALID.replace(
        "kind: icb\n", "kind: icb\n    valid_from: 2022-07-01\n    valid_to: 2022-06-30\n"
    )
    error = only_error(parse_chart_text(text, "x").problems)
    assert "valid_to 2022-06-30 is before valid_from 2022-07-01" in error.message


def test_groups_and_tours_naming_unknown_bodies_lose_only_those_names() -> None:
    text = VALID + (
        "groups:\n  - {id: g, name: G, members: [nhse, ghost_body]}\n"
        "tours:\n  - id: t\n    name: T\n    steps:\n      - {bodies: [phantom, test_icb]}\n"
    )
    result = parse_chart_text(text, "x")
    messages = [p.message for p in result.errors]
    assert any("ghost_body" in m for m in messages) and any("phantom" in m for m in messages)
    assert result.chart.group("g").members == ("nhse",)
    assert result.chart.tour("t").steps[0].bodies == ("test_icb",)


def test_a_file_with_bad_records_still_gives_the_good_ones() -> None:
    text = VALID.replace(
        "relationships:", "  - {id: broken, kind: icb}\n  - just text\nrelationships:"
    )
    result = parse_chart_text(text, "x")
    assert not result.ok and result.chart is not None
    assert result.chart.body_ids() == ["nhse", "test_icb"]
    assert {p.code for p in result.errors} == {"missing", "type"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("- a\n- b\n", "it is a list"),
        ("just words\n", "a single value"),
        ("42\n", "a single value"),
    ],
)
def test_root_that_is_not_a_mapping(text, words) -> None:
    result = parse_chart_text(text, "x")
    assert result.chart is None and words in only_error(result.problems).message


def test_syntax_errors_give_line_and_column(write) -> None:
    path = write(VALID.replace("    kind: icb\n", "    kind: [icb\n"))
    result = load_chart(path)
    error = only_error(result.problems)
    assert result.chart is None and error.code == "syntax" and error.line == 11
    assert str(error).startswith(f"{path}:11:")


def test_windows_line_endings_read_the_same_with_the_same_positions() -> None:
    text = VALID.replace("kind: icb", "kind: icbb").replace("\n", "\r\n")
    error = only_error(parse_chart_text(text, "x").problems)
    assert error.code == "unknown-kind" and (error.line, error.column) == (10, 11)


def test_tab_indentation_gets_a_hint() -> None:
    error = only_error(
        parse_chart_text(VALID.replace("    kind: icb", "\tkind: icb"), "x").problems
    )
    assert (error.line, error.column) == (10, 1) and "tabs" in error.hint


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("format: 2", "newer"),
        ("format: one", "whole number"),
        ("format: " + "9" * 5000, "whole number"),
    ],
)
def test_format_numbers(line, words) -> None:
    result = parse_chart_text(VALID.replace("format: 1", line), "x")
    assert result.chart is None and words in only_error(result.problems).message


def test_a_misspelt_section_is_an_error_not_a_silently_empty_chart() -> None:
    result = parse_chart_text(VALID.replace("bodies:", "bodys:"), "x")
    error = errors_with(result.problems, "unknown-section")[0]
    assert "did you mean 'bodies'?" in error.message and (error.line, error.column) == (4, 1)


def test_a_pipe_or_device_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = load_chart(fifo)  # would block forever if opened
    assert not result.readable and only_error(result.problems).code == "not-a-file"


def test_missing_format_is_read_as_1_with_a_warning() -> None:
    result = parse_chart_text(VALID.replace("format: 1\n", ""), "x")
    assert result.ok and any(p.code == "format" for p in result.warnings)


def test_dates_are_dates_and_quoted_iso_dates_are_accepted() -> None:
    text = VALID.replace("  title: Test chart\n", "  title: T\n  as_at: 2025-11-01\n").replace(
        "kind: icb\n", 'kind: icb\n    valid_from: "2022-07-01"\n'
    )
    chart = parse_chart_text(text, "x").chart
    assert chart.meta.as_at == dt.date(2025, 11, 1)
    assert chart.body("test_icb").valid_from == dt.date(2022, 7, 1)


def test_never_raises_on_internal_trouble(monkeypatch: pytest.MonkeyPatch) -> None:
    import icsviewer.io.reader as reader

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(reader, "compose", explode)
    result = parse_chart_text(VALID, "x.yaml")
    assert result.chart is None and "too deeply nested" in only_error(result.problems).message


def test_the_pure_python_loader_gives_the_same_chart_and_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML without libyaml (some platforms) must read files the same way."""
    import yaml

    from icsviewer.io import guards, yaml_tree

    text = VALID.replace("kind: icb", "kind: icbb") + "  - {from: nhse, to: ghost, kind: hosts}\n"
    fast = parse_chart_text(text, "x")
    monkeypatch.setattr(guards, "LOADER", yaml.SafeLoader)
    monkeypatch.setattr(yaml_tree, "LOADER", yaml.SafeLoader)
    slow = parse_chart_text(text, "x")
    assert slow.chart == fast.chart and slow.problems == fast.problems
    # Brackets with entries between them get past the text scan to the (pure) event walk.
    deep = parse_chart_text("a: " + "[a, " * 5000 + "b" + "]" * 5000, "x")
    assert only_error(deep.problems).code == "too-deep"
