"""The real app in a real X11 window (Xvfb + the xcb platform), as it will be checked.

Offscreen tests cannot show the crash that loading Graphviz in the GUI process causes with
xcb, so this starts `python -m icsviewer data/cheshire_and_merseyside.yaml` under xvfb-run,
waits, checks it is still running, takes a screenshot and, where tesseract is installed,
reads the Place names back from it. Skipped where xvfb-run (or ImageMagick's `import`) is
missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "data" / "cheshire_and_merseyside.yaml"
PLACES = (
    "Cheshire East", "Cheshire West", "Halton", "Knowsley", "Liverpool",
    "Sefton", "St Helens", "Warrington", "Wirral",
)  # fmt: skip
WAIT_SECONDS = 8

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed"),
    pytest.mark.skipif(shutil.which("import") is None, reason="ImageMagick is not installed"),
]

SESSION = r"""
set -u
if command -v openbox >/dev/null; then openbox >/dev/null 2>&1 & fi
sleep 1
"$PYTHON" -m icsviewer "$CHART" >"$LOG" 2>&1 &
app=$!
sleep "$WAIT"
if kill -0 $app 2>/dev/null; then echo RUNNING; else echo EXITED; fi
import -window root "$SHOT"
# On a busy machine Graphviz may still be arranging the chart at the first shot: take two
# more, a few seconds apart, for the OCR test to read the arranged chart.
for n in 2 3 4; do sleep 5; import -window root "${SHOT%.png}-$n.png"; done
kill $app 2>/dev/null
wait $app 2>/dev/null
exit 0
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """Run the app once under Xvfb; (state, screenshot, log)."""
    work = tmp_path_factory.mktemp("real_window")
    shot, log = work / "screen.png", work / "app.log"
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "CHART": str(FLAGSHIP),
        "SHOT": str(shot),
        "LOG": str(log),
        "WAIT": str(WAIT_SECONDS),
        "ICSVIEWER_HOME": str(work / "home"),
    }
    # The real platform plugin, not the offscreen one the other tests use.
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "bash", "-c", SESSION],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    state = "RUNNING" if "RUNNING" in done.stdout else "EXITED"
    return state, shot, log


def test_the_window_stays_up_under_x11(session: tuple[str, Path, Path]) -> None:
    state, shot, log = session
    log_text = log.read_text(errors="replace") if log.exists() else ""
    assert state == "RUNNING", f"the app exited early:\n{log_text}"
    assert "Traceback" not in log_text, log_text
    assert shot.exists() and shot.stat().st_size > 10_000


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_most_place_names_can_be_read_from_the_screen(session: tuple[str, Path, Path]) -> None:
    _state, shot, _log = session
    shots = [shot, *sorted(shot.parent.glob(f"{shot.stem}-[0-9].png"))]
    found: list[str] = []
    for picture in shots:
        # Tesseract is tuned for text about 30 px tall; screen text is 12-16 px. Enlarge and
        # grey the screenshot first, as OCR pipelines do (ImageMagick ships `import` too).
        enlarged = picture.with_name(picture.stem + "-ocr.png")
        subprocess.run(
            ["convert", str(picture), "-resize", "200%", "-colorspace", "Gray", str(enlarged)],
            check=True, timeout=120,
        )  # fmt: skip
        text = subprocess.run(
            ["tesseract", str(enlarged), "-"], capture_output=True, text=True, timeout=120
        ).stdout
        read = [p for p in PLACES if p in text]
        found = read if len(read) > len(found) else found
    # OCR of a whole diagram is imperfect; most of the nine must still be readable.
    assert len(found) >= 5, f"read only {found} from the screen"
