"""`icsviewer validate PATH...`: exit codes, one line per problem, file names, no tracebacks.

Run in-process (fast, precise) and as a real child process the way a user or a CI script runs
it (`python -m icsviewer validate ...`), including hostile files that must fail quickly,
name the file and never run anything.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from icsviewer.io.validate_cli import run_validate
from tests.io.conftest import VALID

ROOT = Path(__file__).resolve().parent.parent


def _run_in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return run_validate(list(args), out=out), out.getvalue()


def _run_child(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "icsviewer", "validate", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_valid_file_exits_0_with_one_summary_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "ok.yaml", VALID)
    code, out = _run_in_process("--quiet", str(path))
    assert code == 0
    assert out == f"{path}: OK — 2 bodies, 1 relationship, 1 warning\n"


def test_warnings_are_printed_but_do_not_fail(tmp_path: Path) -> None:
    path = _write(tmp_path, "ok.yaml", VALID)
    code, out = _run_in_process(str(path))
    assert code == 0
    assert f"{path}:8:5: warning: ICB 'test_icb': the board's members should include" in out


def test_errors_exit_1_each_on_its_own_line_with_hint(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "bad.yaml",
        VALID.replace("kind: icb", "kind: icbb").replace("name: NHS England", "name: NO"),
    )
    code, out = _run_in_process("-q", str(path))
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith(f"{path}:6:11: error: body 'nhse': name must be text")
    assert lines[1] == (
        f"{path}:10:11: error: body 'test_icb': unknown body kind 'icbb' "
        "(hint: did you mean 'icb'?)"
    )
    assert lines[-1].startswith(f"{path}: FAILED — ")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("utf16.yaml", VALID.encode("utf-16")),
        ("latin1.yaml", VALID.replace("Test chart", "Café").encode("latin-1")),
        ("binary.yaml", b"\x00\x01\x02\xff" * 100),
    ],
)
def test_files_that_cannot_be_read_exit_2(tmp_path: Path, name: str, content: bytes) -> None:
    path = _write(tmp_path, name, content)
    code, out = _run_in_process(str(path))
    assert code == 2 and out.startswith(str(path)) and f"{path}: cannot be read" in out


def test_missing_file_and_folder_exit_2(tmp_path: Path) -> None:
    code, out = _run_in_process(str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'nope.yaml'}: error: there is no such file" in out
    assert f"{tmp_path}: error: this is a folder, not a chart file" in out


def test_the_worst_status_wins_and_every_file_is_reported(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.yaml", VALID)
    bad = _write(tmp_path, "bad.yaml", VALID + "bodies: []\n")
    code, out = _run_in_process("-q", str(good), str(bad))
    assert code == 1 and f"{good}: OK" in out and f"{bad}: FAILED" in out
    code, _ = _run_in_process(str(good), str(bad), str(tmp_path / "missing.yaml"))
    assert code == 2


def test_terminal_escapes_from_a_file_are_not_printed_raw(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "esc.yaml",
        VALID.replace("  title: Test chart\n", '  title: T\n  "\\e[2J\\u202e": x\n'),
    )
    code, out = _run_in_process(str(path))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "\\x1b[2J\\u202e" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate([]) == 2
    assert "PATH" in capsys.readouterr().err


# ----- as a real command -----------------------------------------------------------------------
def test_command_line_valid_and_invalid(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.yaml", VALID)
    run = _run_child(str(good))
    assert run.returncode == 0 and f"{good}: OK — 2 bodies" in run.stdout
    bad = _write(
        tmp_path, "dup.yaml", VALID.replace("    name: Test ICB\n", "    name: A\n    name: B\n")
    )
    run = _run_child(str(bad))
    assert run.returncode == 1 and f"{bad}:10:5: error: duplicate key 'name'" in run.stdout


HOSTILE = {
    "alias_bomb.yaml": 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "flow_100000.yaml": "[" * 100_000 + "]" * 100_000,
    "block_100000.yaml": "- " * 100_000 + "x\n",
    "nul.yaml": VALID.replace("NHS England", "NHS\x00England"),
    "python_apply.yaml": VALID.replace(
        "name: NHS England", 'name: !!python/object/apply:os.system ["touch {marker}"]'
    ),
    "python_root.yaml": '!!python/object/apply:os.system ["touch {marker}"]\n',
    "duplicate_keys.yaml": VALID.replace("kind: icb", "kind: icb\n    kind: hwb"),
    "utf16_bom.yaml": "",  # written as UTF-16 below
    "several_docs.yaml": VALID + "---\n" + VALID,
    "root_list.yaml": "- a\n- b\n",
    "empty.yaml": "",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_fail_cleanly_naming_the_file(tmp_path: Path, name: str) -> None:
    marker = tmp_path / "attack-worked"
    content: str | bytes = HOSTILE[name].replace("{marker}", str(marker))
    if name == "utf16_bom.yaml":
        content = VALID.encode("utf-16")
    path = _write(tmp_path, name, content)
    run = _run_child(str(path))
    assert run.returncode in (1, 2), run.stdout + run.stderr
    assert str(path) in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    assert not marker.exists()
