"""The presenter view: what it says, and on a machine with two screens, where it goes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from icsviewer.present.presenter_view import PresenterView, StepSummary, format_elapsed

ROOT = Path(__file__).resolve().parents[2]
TWO_SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96},
        {"name": "projector", "x": 1280, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96},
    ]
}


def test_shows_current_and_next_step_notes_and_cover(qtbot) -> None:
    view = PresenterView()
    qtbot.addWidget(view)
    now = StepSummary("2 / 7", "The ICB", "Set up on 1 July 2022.", ("NHS C&M ICB",))
    after = StepSummary("3 / 7", "The partnership", "", ("C&M HCP", "C&M ICB"))
    view.update_view(now, after, "black")
    assert view.now_counter.text() == "2 / 7"
    assert view.notes.text() == "Set up on 1 July 2022."
    assert view.now_bodies.text() == "NHS C&M ICB"
    assert "The partnership" in view.next_caption.text()
    assert view.next_bodies.text() == "C&M HCP, C&M ICB"
    assert view.status.text() == "Screen black"
    view.update_view(after, None, None)
    assert view.next_caption.text() == "End of the tour"
    assert view.notes.text() == "(no speaker notes)"
    assert view.status.text() == ""


def test_elapsed_time_reads_as_a_clock() -> None:
    assert format_elapsed(0) == "0:00:00"
    assert format_elapsed(61_500) == "0:01:01"
    assert format_elapsed(3_725_000) == "1:02:05"


def test_one_screen_means_no_presenter_view(window, presenter) -> None:
    from PySide6.QtGui import QGuiApplication

    if len(QGuiApplication.screens()) > 1:
        pytest.skip("this machine has more than one screen")
    presenter.start()
    assert presenter.presenter_view is None


def test_two_screens_put_the_presenter_view_on_the_other_one(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-m", "tests.present.two_screens_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["screens"] < 2:
        pytest.skip("this Qt's offscreen platform cannot simulate two screens")
    assert report["has_view"]
    assert report["audience"] != report["speaker"]
    assert report["now"] == "1 / 3" and report["notes"] == "Start at the top."
    assert "The ICB and the ICP" in report["next"]
    assert report["after_key"] == "2 / 3" and report["now_after_key"] == "2 / 3"
    assert report["audience_swapped"] == report["speaker"]
    assert report["speaker_swapped"] == report["audience"]
    assert report["full_screen_after_swap"]
    assert report["view_closed"]
