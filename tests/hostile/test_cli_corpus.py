"""Every hostile file through `icsviewer validate`, as a user (or a batch script) would run it.

For each case: no hang (10 s hang detector; the 2 s target is recorded, not asserted), at most
500 MB of address space, the exit code the case expects, the file named in the output,
`PATH:LINE:COL:` where the expectation gives a line, the expected words in the message, no
Python traceback, and the case's attack marker file never created.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.corpus import (
    CASES,
    EXPECT_SUFFIX,
    SPECIAL_FILES,
    Case,
    load_cases,
    make_special,
    message_fragments_missing,
)
from tests.hostile.runner import Run, run_icsviewer

ALL_CASES = load_cases()
# What a terminal acts on instead of showing: C0 controls (ESC starts escape sequences), DEL,
# C1 controls, and bidi embeddings/overrides/isolates that reorder the line on screen.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

needs_validator = pytest.mark.skipif(
    importlib.util.find_spec("icsviewer.io.validate_cli") is None,
    reason="icsviewer.io.validate_cli (the `validate` command) is not written yet",
)


def _check(case: Case, path: Path, marker: Path, run: Run) -> list[str]:
    """Everything wrong with how `validate` handled the case (empty when all is well)."""
    failures: list[str] = []
    if run.returncode is None:
        return [f"hung: still running after {run.seconds:.1f}s"]
    if run.returncode < 0:
        failures.append(f"killed by signal {-run.returncode} (a crash: libyaml stack overflow?)")
    elif run.returncode not in case.allowed_exits:
        failures.append(f"exit {run.returncode}, expected {case.expect['exit']}")
    if "Traceback" in run.output:
        failures.append("printed a Python traceback")
    if path.name not in run.output:
        failures.append(f"output does not name the file {path.name}")
    line = case.expect.get("line")
    if line is not None and not re.search(rf"{re.escape(path.name)}:{line}:\d+:", run.output):
        failures.append(f"output does not point at {path.name}:{line}:COL:")
    raw = RAW_CONTROL.search(run.output)
    if raw:
        failures.append(f"raw control/bidi character U+{ord(raw.group()):04X} printed "
                        "(terminal escape injection)")
    missing = message_fragments_missing(case, run.output)
    if missing:
        failures.append(f"message lacks {missing}")
    if marker.exists():
        failures.append(f"ATTACK SUCCEEDED: {marker} was created")
    return failures


@needs_validator
@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name for c in ALL_CASES])
def test_validate_hostile_file(
    case: Case, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    run = run_icsviewer("validate", str(path))
    record_property("seconds", round(run.seconds, 3))
    failures = _check(case, path, marker, run)
    assert not failures, f"{case.name}: {case.expect['about']}\n" + "\n".join(
        f"- {f}" for f in failures
    ) + "\n" + run.describe()


@needs_validator
def test_validate_several_hostile_files_at_once(tmp_path: Path) -> None:
    """One bad file among several: each is reported by name and the worst exit wins."""
    chosen = [c for c in ALL_CASES if c.name in ("valid_control", "duplicate_ids", "binary_junk")]
    paths = [c.materialise(tmp_path, tmp_path / "m") for c in chosen]
    run = run_icsviewer("validate", *map(str, paths))
    assert run.returncode is not None and run.returncode > 0, run.describe()
    assert "Traceback" not in run.output, run.describe()
    for path in paths:
        assert path.name in run.output, run.describe()


@needs_validator
@pytest.mark.parametrize("kind", SPECIAL_FILES)
def test_validate_refuses_what_is_not_a_regular_file(kind: str, tmp_path: Path) -> None:
    """Endless devices, a pipe with no writer, a folder, a missing file: exit 2, quickly."""
    path = make_special(kind, tmp_path)
    run = run_icsviewer("validate", str(path))
    assert run.returncode == 2, run.describe()
    assert path.name in run.output and "Traceback" not in run.output, run.describe()


def test_corpus_is_complete() -> None:
    """The corpus the issue asks for: 40+ cases, every file paired, under 1 MB committed."""
    assert len(ALL_CASES) >= 40
    committed = [p for p in CASES.iterdir() if p.is_file()]
    assert sum(p.stat().st_size for p in committed) < 1024 * 1024
    data_files = {p for p in committed if not p.name.endswith(EXPECT_SUFFIX)}
    used = {c.source for c in ALL_CASES if c.source is not None}
    assert data_files == used, f"files without an expectation: {sorted(data_files - used)}"
    for case in ALL_CASES:
        assert case.expect["outcome"] in ("error", "loads"), case.name
        assert set(case.allowed_exits) <= {0, 1, 2}, case.name
        assert (case.expect["outcome"] == "loads") == (case.allowed_exits == (0,)), case.name
        assert case.expect.get("about"), case.name
    names = {c.name for c in ALL_CASES}
    # The kinds of hazard issue 7 lists, each present at least once.
    for needed in (
        "alias_bomb_billion_laughs", "nesting_flow_100000", "nesting_block_100000",
        "big_file_50mb", "single_line_20mb", "binary_junk", "empty", "comment_only",
        "root_list", "root_scalar", "several_documents", "utf16_bom", "latin1",
        "invalid_utf8", "nul_bytes", "python_object_apply_os_system", "merge_keys_alias",
        "duplicate_keys", "yaml11_booleans", "yaml11_octal", "yaml11_sexagesimal",
        "duplicate_ids", "dangling_relationship", "self_relationship", "long_name_100k",
        "control_chars_in_names", "bidi_overrides", "emoji_and_combining", "markup_in_labels",
        "reportlab_cve_2023_33733", "reportlab_img_fetch", "links_javascript",
        "links_data_file", "links_disguised",
    ):
        assert needed in names, needed
