"""Run `icsviewer` in a child process the way a user's shell would, but with hard limits.

The child gets a 500 MB address-space limit (so an alias bomb or a 50 MB file that makes the
reader balloon fails the test instead of swapping the machine) and no core dumps (a libyaml
stack overflow would otherwise leave a core file behind). The timeout only detects a hang; the
elapsed time is recorded, never asserted.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 500 * 1024 * 1024
HANG_TIMEOUT = 10.0


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@dataclass(frozen=True)
class Run:
    """What one child process did."""

    argv: tuple[str, ...]
    returncode: int | None  # None: killed after the hang timeout
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        status = "HUNG (killed)" if self.returncode is None else f"exit {self.returncode}"
        return (
            f"{' '.join(self.argv[1:])}\n{status} after {self.seconds:.2f}s\n"
            f"--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}"
        )


def run_icsviewer(*args: str, timeout: float = HANG_TIMEOUT) -> Run:
    """`python -m icsviewer ARGS...` from the project root, limited as described above."""
    return run_module("icsviewer", *args, timeout=timeout)


def run_module(module: str, *args: str, timeout: float = HANG_TIMEOUT) -> Run:
    """`python -m MODULE ARGS...` from the project root, limited as described above."""
    argv = (sys.executable, "-m", module, *args)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.monotonic()
    try:
        proc = subprocess.run(
            argv, cwd=ROOT, env=env, capture_output=True, timeout=timeout,
            preexec_fn=_limit_child, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return Run(argv, None, _text(exc.stdout), _text(exc.stderr), time.monotonic() - start)
    return Run(argv, proc.returncode, _text(proc.stdout), _text(proc.stderr),
               time.monotonic() - start)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    if isinstance(data, str):
        return data
    return data.decode("utf-8", errors="replace")
