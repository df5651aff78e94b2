"""The reader's quick structural path must refuse and accept exactly what the careful one does.

Normally a file is composed once by a loader that counts values and depth as it goes, after a
text search has shown it holds no anchor; only when that path has any doubt is libyaml's event
stream walked (`guards.check_structure`). These tests hold the two paths to the same answers,
messages and line:column included, on hand-picked edge cases and on random YAML-like text.
"""

from __future__ import annotations

import gc

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from icsviewer.io import guards, reader
from icsviewer.io.loader import bounded_loader
from icsviewer.io.reader import LoadResult, parse_chart_text
from icsviewer.io.yaml_tree import Context, check_tree
from tests.io.conftest import VALID, only_error


def _careful(text: str, monkeypatch: pytest.MonkeyPatch) -> LoadResult:
    """The result when the quick path is never taken (as every file was read before)."""
    with monkeypatch.context() as patch:
        patch.setattr(guards, "may_hold_anchors", lambda text: True)
        return parse_chart_text(text, "x.yaml")


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> LoadResult:
    quick = parse_chart_text(text, "x.yaml")
    careful = _careful(text, monkeypatch)
    assert [str(p) for p in quick.problems] == [str(p) for p in careful.problems], text
    assert quick.chart == careful.chart, text
    return quick


def _nested(levels: int, inner: str = "x") -> str:
    """`levels` collections (a mapping, then lists) with `inner` in the innermost."""
    return "bodies: " + "[a, " * (levels - 1) + inner + "]" * (levels - 1) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        VALID,
        VALID.replace("name: NHS England", "name: NHS & R&D C&M Health &Care"),
        VALID.replace("name: NHS England", 'name: "quoted &anchor-like text"'),
        VALID.replace("name: NHS England", "name: &n NHS England"),
        VALID.replace("name: Test ICB", "name: *n"),
        VALID + "---\n" + VALID,
        VALID + "...\nmore: 1\n",
        VALID.replace("kind: icb", "kind: [icb"),
        VALID.replace("kind: icb", "kind: !!python/object:os.system x"),
        VALID.replace("kind: icb", "kind: icb\n    kind: hwb"),
        VALID + "extra: {<<: {a: 1}}\n",
        _nested(63, "[]"),  # 64 collections: fine
        _nested(64),  # a scalar inside 64 collections: fine
        _nested(64, "[]"),  # 65 collections: too deep
        _nested(65),
        _nested(66),
        "format: 1\nx: [" + "a," * (guards.MAX_NODES - 10) + "a]\n",
        "format: 1\nx: [" + "a," * (guards.MAX_NODES + 10) + "a]\n",
        "- just\n- a list\n",
        "",
        "~\n",
    ],
    ids=[
        "valid",
        "ampersands-in-text",
        "ampersand-in-quotes",
        "anchor",
        "undefined-alias",
        "two-documents",
        "after-end-marker",
        "unclosed-bracket",
        "python-tag",
        "duplicate-key",
        "merge-key",
        "depth-64-empty-list",
        "depth-64-and-a-scalar",
        "depth-65-empty-list",
        "depth-65",
        "depth-66",
        "values-just-under-the-limit",
        "values-over-the-limit",
        "list-at-the-root",
        "empty",
        "null-document",
    ],
)
def test_the_quick_path_gives_the_careful_paths_answer(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same(text, monkeypatch)


def test_an_anchor_is_still_refused_at_its_place() -> None:
    text = VALID.replace("name: Test ICB", "name: &n Test ICB")
    error = only_error(parse_chart_text(text, "x.yaml").problems)
    assert error.code == "alias" and (error.line, error.column) == (9, 11)


def test_too_deep_and_too_many_values_are_reported_as_before() -> None:
    deep = only_error(parse_chart_text(_nested(66), "x.yaml").problems)
    # At the 65th collection: the 64th bracket, after "bodies: " and 63 times "[a, ".
    assert deep.code == "too-deep" and (deep.line, deep.column) == (1, 9 + 63 * 4)
    text = "format: 1\nx: [" + "a," * (guards.MAX_NODES + 10) + "a]\n"
    assert only_error(parse_chart_text(text, "x.yaml").problems).code == "too-many-values"


@pytest.mark.parametrize(
    "text",
    ["a: &x 1", "[&x 1]", "{a:&x 1}", "- &x 1", "\ufeff&x a", "a: !t &x 1", "a: 'q' &x"],
)
def test_every_anchor_libyaml_could_read_is_noticed(text: str) -> None:
    assert guards.may_hold_anchors(text)


@pytest.mark.parametrize("text", ["a: R&D", "a: Health & Care", "a: C&M ICB", "a: AT&T"])
def test_ampersands_inside_words_or_before_a_space_are_not_anchors(text: str) -> None:
    assert not guards.may_hold_anchors(text)


# Random text from the characters that matter to YAML's structure.
_YAMLISH = st.lists(
    st.sampled_from([*"ab1 -:?,[]{}&*!#'\"|>\n\t~.%", "  ", "\n  ", "\n- ", "---", "..."]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_YAMLISH)
def test_no_anchor_or_alias_gets_past_the_anchor_search(text: str) -> None:
    if guards.may_hold_anchors(text):
        return
    try:
        events = list(yaml.parse(text, Loader=guards.LOADER))
    except yaml.YAMLError:
        return  # libyaml refuses it either way; the careful path reports that
    assert not any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events)


@settings(max_examples=300, deadline=None)
@given(_YAMLISH)
def test_random_text_gets_the_same_answer_on_both_paths(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"0123456789+-._:eEoxXyYnNtTfF~ <=", "null", ".inf", "true", "0x"]),
        max_size=12,
    ).map("".join)
)
def test_plain_scalars_get_the_tags_pyyaml_gives_them(value: str) -> None:
    text = f"- {value}\n"
    try:
        expected = yaml.compose(text, Loader=guards.LOADER)
    except yaml.YAMLError:
        return
    loader = bounded_loader(guards.LOADER)(text)
    try:
        got = loader.get_single_node()
    finally:
        loader.dispose()
    assert [n.tag for n in got.value] == [n.tag for n in expected.value]


def test_a_tree_with_shared_nodes_is_not_walked_in_full() -> None:
    # Composing does not expand aliases; walking the tree would (10^8 visits here).
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    root = yaml.compose("\n".join(lines), Loader=guards.LOADER)
    visited = check_tree(root, Context("x"), max_nodes=200)
    assert 200 < visited < 1_000


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert parse_chart_text(VALID, "x").ok
        assert parse_chart_text("a: [", "x").problems  # an error path too
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_the_collector_comes_back_on_even_when_reading_fails_inside(
    monkeypatch: pytest.MonkeyPatch, automatic_gc: None
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "_parse", explode)
    assert gc.isenabled()
    result = parse_chart_text(VALID, "x")
    assert result.problems[0].code == "internal" and gc.isenabled()
