"""Test set-up: Qt runs offscreen, Hypothesis has a fast CI profile and a long fuzz profile."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the user's real settings, recovery files and logs.
os.environ.setdefault("ICSVIEWER_TESTING", "1")

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def flagship_path() -> Path:
    return ROOT / "data" / "cheshire_and_merseyside.yaml"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, caches, recovery files and logs go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ICSVIEWER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """Python's automatic garbage collection on, as in a process without a window.

    A window hands collection to a timer on the GUI thread (`app/gui_thread_gc.py`) and turns
    the automatic kind off for the rest of the process; tests of code that pauses and restores
    the automatic kind start from it being on, and leave it as they found it.
    """
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


@pytest.fixture(autouse=True)
def _collect_qt_garbage() -> Iterator[None]:
    """Collect each test's garbage while Qt is fully alive.

    Left to pile up, Python wrappers of Qt objects (windows, scenes, documents in reference
    cycles) were collected in one go at interpreter shutdown, after Qt had torn down parts of
    itself, and the process died with a segmentation fault after every test had passed.
    """
    yield
    app = _qt_app()
    if app is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.collect()


def _qt_app() -> object | None:
    """The running QApplication, if a test made one (without importing Qt otherwise)."""
    import sys

    core = sys.modules.get("PySide6.QtCore")
    return core.QCoreApplication.instance() if core is not None else None


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End a test run that used Qt without tearing the interpreter down.

    After every test has passed and the summary is printed, a run that created hundreds of
    windows could still crash in PySide6 6.11 while Python finalised the leftover Qt
    wrappers (segmentation fault in pytest's final garbage collection), turning a green run
    red. The app itself quits cleanly (exit 0); this only skips the test process's teardown,
    keeping pytest's own exit status.
    """
    if _qt_app() is None or not _EXIT_STATUS:
        return
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS[-1])
