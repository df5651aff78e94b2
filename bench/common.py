"""Shared helpers for the benchmark: medians, child processes, cold homes, timing clocks.

Every measured job that must start cold runs in a fresh Python child process with its own
empty `ICSVIEWER_HOME` (so no layout cache, recovery files or saved window state from an
earlier run or repeat are found) and `ICSVIEWER_TESTING=1` (settings in that home, not the
user's). Children print one JSON object as their last stdout line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


class ChildFailedError(RuntimeError):
    """A benchmark child process failed; the message says which and why."""


def median(values: Sequence[float | None]) -> float | None:
    """The median of the values that were measured, or None if none were."""
    done = [v for v in values if v is not None]
    return statistics.median(done) if done else None


@contextmanager
def cold_home() -> Iterator[Path]:
    """A fresh, empty app home for one child process, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="icsbench-home-") as home:
        yield Path(home)


def child_env(home: Path) -> dict[str, str]:
    """The environment of a benchmark child: offscreen Qt, a cold home, the project importable."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["ICSVIEWER_HOME"] = str(home)
    env["ICSVIEWER_TESTING"] = "1"
    env["XDG_CACHE_HOME"] = str(home / "xdg-cache")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("ICSVIEWER_TREE_THRESHOLD", None)  # measure the engine choice the app makes
    env.pop("ICSVIEWER_SPLIT_READ_ABOVE", None)  # and its choice to read in two parts
    return env


def run_child(
    argv: Sequence[str], *, timeout: float, stdin: str | None = None
) -> tuple[dict[str, Any], float]:
    """Run `python ARGV...` cold; return its JSON answer and the monotonic spawn time."""
    with cold_home() as home:
        spawned = time.monotonic()
        try:
            proc = subprocess.run(
                [sys.executable, *argv], input=stdin, capture_output=True, text=True,
                timeout=timeout, env=child_env(home), cwd=str(ROOT),
            )
        except subprocess.TimeoutExpired:
            raise ChildFailedError(f"{Path(argv[0]).name} took longer than {timeout:g} s") from None
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        reason = (proc.stderr.strip().splitlines() or ["no output"])[-1][:300]
        raise ChildFailedError(f"{Path(argv[0]).name} failed (exit {proc.returncode}): {reason}")
    answer: dict[str, Any] = json.loads(lines[-1])
    return answer, spawned


def peak_rss_mb() -> float:
    """This process's resident-set high-water mark in MB.

    `VmHWM` from /proc/self/status where there is one: `getrusage(...).ru_maxrss` is no good
    in a child, because Linux carries the parent's high-water mark across fork and exec into
    it (every probe would report at least the benchmark script's own peak).
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0  # kB
    except (OSError, ValueError, IndexError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def emit(answer: dict[str, Any]) -> None:
    """A child's answer: one JSON line on stdout."""
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def finish(answer: dict[str, Any]) -> None:
    """Emit a child's answer and end the process at once.

    Interpreter teardown with Qt objects alive can crash (PySide6 6.12 destroying scenes and
    views in an arbitrary order); it is no part of any measurement, so it is skipped.
    """
    emit(answer)
    sys.stderr.flush()
    os._exit(0)
