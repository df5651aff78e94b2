"""Killed at any moment while saving, the file on disk is the complete old or the complete new
version, and it opens."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from icsviewer.editor import storage
from tests.editor.files import CHART_TEXT

ROOT = Path(__file__).resolve().parents[2]
KILLS = 200


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    # Big enough (~1 MB) that a kill often lands in the middle of writing.
    padding = "".join(
        f"  - id: filler_{i}\n    name: Filler body {i}\n    kind: vcse\n" for i in range(9000)
    )
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.write_text(CHART_TEXT.replace("bodies:\n", "bodies:\n" + padding, 1), encoding="utf-8")
    second.write_text(CHART_TEXT.replace("Example Council", "Example Council (second)"),
                      encoding="utf-8")
    return first, second


@pytest.mark.slow
def test_killed_saves_leave_old_or_new_complete(tmp_path: Path) -> None:
    first, second = _versions(tmp_path)
    target = tmp_path / "chart.yaml"
    target.write_text(second.read_text(encoding="utf-8"), encoding="utf-8")
    allowed = {first.read_bytes(), second.read_bytes()}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.editor.save_loop_child", str(target), str(first),
             str(second)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saving"
        time.sleep(rng.uniform(0.0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert target.read_bytes() in allowed
    # Some kills landed mid-write (their temporary files are left behind, never the chart).
    interrupted = list(tmp_path.glob(".chart.yaml.*.tmp"))
    assert interrupted, "no kill landed inside a save: the test proved nothing"
    chart, problems = storage.load_chart_file(target)
    assert chart is not None and not [p for p in problems if p.is_error]
