"""What is refused before YAML parsing: size, encoding, binary, control characters, emptiness,
nesting, anchors and aliases, several documents. Each with the file's name and, where it
helps, the line and column."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from icsviewer.io import guards
from icsviewer.io.reader import load_chart, parse_chart_text
from tests.io.conftest import VALID, only_error


def test_valid_chart_passes_every_guard(write) -> None:
    result = load_chart(write(VALID))
    assert result.ok and result.readable
    assert [b.id for b in result.chart.bodies] == ["nhse", "test_icb"]


def test_file_over_the_size_bound_is_unreadable_and_names_the_limit(write) -> None:
    path = write(b"# " + b"x" * guards.MAX_BYTES)
    result = load_chart(path)
    assert result.chart is None and not result.readable
    error = only_error(result.problems)
    assert error.code == "too-big" and "10 MB" in error.message and error.path == str(path)


def test_20_mb_single_line_given_as_text_is_refused_for_size() -> None:
    result = parse_chart_text("x" * (20 * 1024 * 1024), "big.yaml")
    assert only_error(result.problems).code == "too-big"


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_utf16_and_utf32_with_a_byte_order_mark_say_save_as_utf8(write, encoding, name) -> None:
    data = VALID.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    result = load_chart(write(data))
    error = only_error(result.problems)
    assert not result.readable and error.code == "not-utf8"
    assert f"saved as {name}; save it as UTF-8" in error.message


def test_utf16_without_a_byte_order_mark_is_recognised(write) -> None:
    result = load_chart(write(VALID.encode("utf-16-le")))
    assert "UTF-16" in only_error(result.problems).message


def test_latin1_gives_line_and_column_of_the_first_bad_byte(write) -> None:
    text = VALID.replace("Test chart", "Caf\u00e9 chart")
    result = load_chart(write(text.encode("latin-1")))
    error = only_error(result.problems)
    assert not result.readable and error.code == "not-utf8"
    assert (error.line, error.column) == (3, 13)
    assert "0xE9" in error.message and "UTF-8" in error.message


def test_a_utf8_byte_order_mark_is_accepted(write) -> None:
    assert load_chart(write(codecs.BOM_UTF8 + VALID.encode())).ok


def test_nul_bytes_mean_a_binary_file(write) -> None:
    result = load_chart(write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    error = only_error(result.problems)
    assert not result.readable and error.code == "binary" and "binary" in error.message


def test_raw_control_character_is_refused_with_its_position(write) -> None:
    result = load_chart(write(VALID.replace("NHS England", "NHS \x1b[31mEngland")))
    error = only_error(result.problems)
    assert error.code == "control-char" and "U+001B" in error.message
    assert (error.line, error.column) == (6, 15)


def test_escaped_control_characters_inside_double_quotes_are_text(write) -> None:
    result = load_chart(write(VALID.replace("NHS England", '"NHS\\x07 England"')))
    assert result.ok and result.chart.body("nhse").name == "NHS\x07 England"


@pytest.mark.parametrize(
    "content", ["", "\n\n   \n", "# just a comment\n  # and another\n", "---\n"]
)
def test_empty_or_comment_only_file_is_refused(write, content) -> None:
    result = load_chart(write(content))
    assert result.chart is None
    error = only_error(result.problems)
    assert error.code == "empty" and "empty" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 30_000 + "1" + "}" * 30_000,
        "- " * 100_000 + "x\n",
        # Indentation grows with depth, so 3,000 levels already take 4.5 MB.
        "".join(" " * i + "k:\n" for i in range(3_000)),
        "? " * 30_000 + "x\n",
    ],
    ids=[
        "flow-100000",
        "flow-mapping-30000",
        "compact-block-100000",
        "indented-3000",
        "keys-30000",
    ],
)
def test_absurd_nesting_is_refused_before_the_composer(text: str) -> None:
    result = parse_chart_text(text, "deep.yaml")
    error = only_error(result.problems)
    assert error.code == "too-deep" and "64 levels" in error.message and error.line >= 1


def test_nesting_hidden_from_the_text_scan_is_still_caught_by_the_event_walk() -> None:
    # Brackets separated by entries defeat the run-of-brackets scan; the exact pass counts them.
    text = "bodies: " + "[a, " * 200 + "b" + "]" * 200 + "\n"
    assert guards.scan_nesting(text, "x") == []
    assert only_error(parse_chart_text(text, "x").problems).code == "too-deep"


def test_moderate_nesting_below_the_bound_reaches_the_field_checks(write) -> None:
    deep = "[" * 40 + "x" + "]" * 40
    text = VALID.replace("name: NHS England", f"name: NHS England\n    description: {deep}")
    result = load_chart(write(text))
    assert "description must be text, not a list" in only_error(result.problems).message


@pytest.mark.parametrize(
    ("snippet", "what"),
    [("name: &n NHS England", "anchor &n"), ("name: *n", "alias *n")],
)
def test_anchors_and_aliases_are_refused_with_their_position(write, snippet, what) -> None:
    result = load_chart(write(VALID.replace("name: NHS England", snippet)))
    error = only_error(result.problems)
    assert error.code == "alias" and what in error.message and (error.line, error.column) >= (6, 11)


def test_billion_laughs_is_refused_without_expanding(write) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    result = load_chart(write("\n".join(lines) + "\n"))
    assert only_error(result.problems).code == "alias"


def test_asterisks_and_ampersands_inside_text_are_not_aliases(write) -> None:
    text = VALID.replace("name: NHS England", "name: NHS *England* & R&D &more")
    result = load_chart(write(text))
    assert result.ok, [str(p) for p in result.problems]
    assert result.chart.body("nhse").name == "NHS *England* & R&D &more"


@pytest.mark.parametrize("separator", ["---\n", "...\n---\n", "...\n"])
def test_several_documents_are_refused(write, separator) -> None:
    result = load_chart(write(VALID + separator + VALID))
    error = only_error(result.problems)
    assert error.code == "several-documents" and "more than one YAML document" in error.message
    assert error.line > 10


def test_a_single_document_with_explicit_markers_is_fine(write) -> None:
    assert load_chart(write("---\n" + VALID + "...\n")).ok


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p / "missing.yaml", "not-found"),
        (lambda p: p, "folder"),
    ],
    ids=["missing", "folder"],
)
def test_files_that_cannot_be_opened_are_unreadable(tmp_path: Path, make, code) -> None:
    path = make(tmp_path)
    result = load_chart(path)
    assert result.chart is None and not result.readable
    assert only_error(result.problems).code == code and str(path) == result.problems[0].path


def test_permission_denied_is_unreadable(write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(VALID)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = load_chart(path)
    assert not result.readable and only_error(result.problems).code == "permission"


def test_a_file_with_absurdly_many_values_is_refused_early() -> None:
    text = "format: 1\nx: [" + "a," * (guards.MAX_NODES + 10) + "a]\n"
    error = only_error(parse_chart_text(text, "dense.yaml").problems)
    assert error.code == "too-many-values" and f"{guards.MAX_NODES:,}" in error.message
