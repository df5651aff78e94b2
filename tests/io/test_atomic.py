"""Atomic saves: the file on disk is always the whole old or the whole new version.

Tests run as root, where chmod does not stop writes, so read-only folders, full disks and
locked files are simulated by making the system calls fail the way they do for real.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from icsviewer.io import atomic
from icsviewer.io.atomic import SaveError, atomic_write_text, backup_path
from icsviewer.io.reader import load_chart
from icsviewer.io.writer import dump_chart, save_chart
from tests.io.conftest import VALID

ROOT = Path(__file__).resolve().parents[2]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_save_replaces_the_file_and_keeps_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("old\n")
    atomic_write_text(path, "new\n")
    assert path.read_text() == "new\n"
    assert backup_path(path).read_text() == "old\n" and backup_path(path).name == "chart.yaml.bak"
    assert _leftovers(tmp_path) == []


def test_first_save_and_backup_false_make_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    atomic_write_text(path, "one\n")
    atomic_write_text(path, "two\n", backup=False)
    assert path.read_text() == "two\n" and not backup_path(path).exists()


def test_file_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("old\n")
    path.chmod(0o640)
    atomic_write_text(path, "new\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "new.yaml", "x\n")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o644


def test_stale_leftovers_of_killed_saves_are_removed_fresh_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    stale, fresh = tmp_path / ".chart.yaml.dead1234.tmp", tmp_path / ".chart.yaml.live5678.tmp"
    stale.write_text("half a chart")
    fresh.write_text("another window saving")
    old = time.time() - atomic.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    atomic_write_text(path, "new\n")
    assert not stale.exists() and fresh.exists()


def test_saving_through_a_symlink_updates_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def _fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("target", "code", "words"),
    [
        ("os.fsync", errno.ENOSPC, "disk is full"),
        ("_create_temp", errno.EACCES, "permission denied"),
        ("_create_temp", errno.EROFS, "read-only"),
        ("os.replace", errno.EBUSY, "locked"),
    ],
)
def test_failures_leave_the_original_untouched_and_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, code: int, words: str
) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("precious\n")
    owner = getattr(atomic, target.split(".")[0]) if "." in target else atomic
    monkeypatch.setattr(owner, target.split(".")[-1], _fail_with(code))
    with pytest.raises(SaveError) as caught:
        atomic_write_text(path, "new\n")
    assert words in str(caught.value) and str(path) in str(caught.value)
    assert "was not changed" in str(caught.value)
    assert path.read_text() == "precious\n" and _leftovers(tmp_path) == []


def test_a_briefly_locked_file_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("old\n")
    real_replace = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] <= 3 and Path(dst) == path:  # a virus scanner holding the file
            raise PermissionError(errno.EACCES, "sharing violation")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0, 0, 0, 0))
    atomic_write_text(path, "new\n")
    assert path.read_text() == "new\n"


def test_a_file_locked_for_good_gives_up_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("old\n")
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", locked)
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0, 0, 0, 0))
    with pytest.raises(SaveError, match="locked"):
        atomic_write_text(path, "new\n")
    assert path.read_text() == "old\n" and _leftovers(tmp_path) == []


def test_text_that_cannot_be_utf8_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text("old\n")
    with pytest.raises(SaveError, match="UTF-8"):
        atomic_write_text(path, "broken \ud800")
    assert path.read_text() == "old\n" and _leftovers(tmp_path) == []


def test_an_unusable_file_name_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="file name"):
        atomic_write_text(str(tmp_path / "bad\x00name.yaml"), "x")


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="folder"):
        atomic_write_text(tmp_path, "x")


def test_save_chart_writes_what_dump_chart_gives(tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    path.write_text(VALID)
    chart = load_chart(path).chart
    save_chart(chart, path)
    assert path.read_text(encoding="utf-8") == dump_chart(chart)
    assert load_chart(path).chart == chart and backup_path(path).read_text() == VALID


_WRITER = """
import sys
from icsviewer.io.atomic import atomic_write_text
path, a, b = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
print("ready", flush=True)
n = 0
while True:
    atomic_write_text(path, a if n % 2 else b)
    n += 1
"""


def test_a_writer_killed_mid_save_leaves_a_whole_chart(tmp_path: Path) -> None:
    # Two versions big enough that a kill often lands inside a write.
    body = "".join(f"  - {{id: b{i}, name: Body {i}, kind: nhs_trust}}\n" for i in range(600))
    old = VALID.replace("relationships:", body + "relationships:")
    new = old.replace("Test chart", "Test chart, edited")
    (tmp_path / "a.yaml").write_text(old)
    (tmp_path / "b.yaml").write_text(new)
    path = tmp_path / "chart.yaml"
    path.write_text(old)
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(10):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WRITER,
                str(path),
                str(tmp_path / "a.yaml"),
                str(tmp_path / "b.yaml"),
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert path.read_text() in (old, new)
        assert load_chart(path, domain_checks=False).chart is not None
