"""Every hostile file opened in the real main window (offscreen): a chart or a clear error.

For each case the window must either show a chart (for a file with problems, the problems
panel lists them) or report through its replaceable `Prompts` interface, naming the file; never
raise (pytest-qt fails the test on an exception in any Qt slot or virtual method), never hang.
A case that should load must load with no error dialog, be arranged by the real layout, and
paint (the window is grabbed to an image, which runs every item's paint()); then every body's
details page and tooltip, and every problem's tooltip, must show the file's text literally,
and only http/https/mailto links may reach the browser.

The heaviest cases are also opened in a child limited to 500 MB (`window_child.py`). In this
process a faulthandler watchdog stops the whole run with every thread's stack (which names the
test) if one case hangs, so a hang can never stall CI silently.
"""

from __future__ import annotations

import faulthandler
import importlib.util
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.corpus import SPECIAL_FILES, Case, load_cases, make_special
from tests.hostile.runner import run_module
from tests.hostile.safety import squash

ALL_CASES = load_cases()
WATCHDOG_SECONDS = 120
LAYOUT_WAIT_MS = 20_000

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("icsviewer.app.main_window") is None
    or importlib.util.find_spec("icsviewer.io.reader") is None,
    reason="the main window (icsviewer.app.main_window) or the reader is not written yet",
)


def _app_window(settings: Any, prompts: Any = None) -> Any:
    """The window a user gets: viewer, editing, presenting and exporting when installed."""
    try:
        from icsviewer.app.launch import build_main_window
    except ImportError:  # only the viewer exists yet
        from icsviewer.app.main_window import MainWindow

        return MainWindow(settings, prompts=prompts)
    return build_main_window(settings, prompts)


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A modal dialog not sent through Prompts would block a real user's open; record it."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    seen: list[str] = []

    def modal(name: str) -> Any:
        def _modal(*args: Any, **kwargs: Any) -> int:
            seen.append(name)
            return 0
        return _modal

    for owner, name in ((QDialog, "exec"), (QMessageBox, "exec"), (QMessageBox, "question"),
                        (QMessageBox, "warning"), (QMessageBox, "critical"),
                        (QMessageBox, "information"), (QInputDialog, "getText"),
                        (QFileDialog, "getOpenFileName"), (QFileDialog, "getSaveFileName")):
        monkeypatch.setattr(owner, name, modal(f"{owner.__name__}.{name}"))
    yield seen


@pytest.fixture(autouse=True)
def _hang_watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _recording_prompts() -> Any:
    from icsviewer.app.prompts import Prompts

    class RecordingPrompts(Prompts):
        """Answers every question without a dialog and remembers what the window said."""

        def __init__(self) -> None:
            super().__init__(None)
            self.errors: list[tuple[str, str, str]] = []
            self.infos: list[tuple[str, str]] = []

        def ask_open_path(self, start_dir: str = "") -> Path | None:
            return None

        def error(self, title: str, message: str, details: str = "") -> None:
            self.errors.append((title, message, details))

        def info(self, title: str, message: str) -> None:
            self.infos.append((title, message))

    return RecordingPrompts()


OPENABLE_SCHEMES = ("http", "https", "mailto")


class _Hrefs(HTMLParser):
    """Every href/src attribute of an HTML page (attributes, not text that looks like one)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]


def _hrefs(html: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(html)
    return parser.links


def _check_details(window, opened_urls: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Show every body's details; links must be safe, and clicking any link safe too."""
    from PySide6.QtCore import QUrl

    for body in window.document.chart.bodies:
        window.go_to_body(body.id)
        assert window.details.body_id == body.id
        html = window.details.toHtml()
        for href in _hrefs(html):
            scheme = href.split(":", 1)[0].lower()
            assert scheme in (*OPENABLE_SCHEMES, "body"), f"unsafe link in details: {href!r}"
        # Click every link the file gave, even those the panel shows as plain text.
        for link in body.links:
            window.details.anchorClicked.emit(QUrl(link.url))
    for url in opened_urls:
        assert url.split(":", 1)[0].lower() in OPENABLE_SCHEMES, f"opened {url!r}"


def shown_text(text: str) -> str:
    """What Qt displays for `text` in a tooltip, label or message box left on AutoText.

    Qt guesses: text that looks like it holds a tag is rendered as HTML, so `<b>x</b>` shows
    as a bold `x` and `<img src=...>` as an image. Escaped or plain text shows as written.
    """
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocument

    if not GuiQt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _check_tooltips(window) -> None:  # type: ignore[no-untyped-def]
    """Each body's name appears literally in what its tooltip shows (markup is not obeyed)."""
    from exporters.safe_text import one_line

    shown = [squash(shown_text(item.toolTip())) for item in window.scene.items()
             if item.toolTip()]
    for body in window.document.chart.bodies:
        # As typed, or with invisible control characters removed: either is literal.
        names = {squash(body.name)[:200], squash(one_line(body.name))[:200]}
        assert any(name in tip for tip in shown for name in names), (
            f"no tooltip shows the name {body.name[:80]!r} literally; tooltips show "
            f"{[t[:80] for t in shown]}"
        )


def _check_problem_tooltips(window) -> None:  # type: ignore[no-untyped-def]
    """Each listed problem's tooltip shows its message literally (it may quote the file)."""
    panel = window.problems
    for row in range(panel.count()):
        item = panel.item(row)
        if not item.toolTip():
            continue
        message = item.text().split(": ", 1)[-1] if item.text().startswith("line ") else item.text()
        assert squash(message) in squash(shown_text(item.toolTip())), (
            f"problem tooltip does not show {message[:100]!r} literally: "
            f"{shown_text(item.toolTip())[:100]!r}"
        )


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name for c in ALL_CASES])
def test_window_opens_hostile_file(  # type: ignore[no-untyped-def]
    case: Case, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch,
    _no_unexpected_dialogs: list[str],
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QDesktopServices


    # Links the window would hand to the browser are recorded instead of opened.
    opened_urls: list[str] = []

    def record_url(url: Any) -> bool:
        opened_urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record_url)

    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    prompts = _recording_prompts()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = _app_window(settings, prompts)
    qtbot.addWidget(window)
    window.resize(1200, 800)

    opened = window.open_path(path)

    if opened:
        assert window.document is not None
        assert window.document.path is not None and Path(window.document.path) == path
        # Let the real layout finish (or fail and fall back); the window must stay usable.
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=LAYOUT_WAIT_MS)
        qtbot.wait(50)
        image = window.grab()
        assert not image.isNull()
        _check_details(window, opened_urls)
        _check_tooltips(window)
        _check_problem_tooltips(window)
    else:
        assert window.document is None, "a failed open must keep the previous (no) chart"
        assert prompts.errors, "the open failed without telling the user"
        _title, message, details = prompts.errors[0]
        assert path.name in message, f"the error does not name the file: {message!r}"
        assert "Traceback" not in message + details

    problems = window.document.problems if window.document is not None else []
    errors_listed = opened and any(p.is_error for p in problems)
    if case.loads:
        assert opened, f"{case.name} should open: {prompts.errors}"
        assert prompts.errors == [], f"{case.name} opened with an error dialog: {prompts.errors}"
        assert not errors_listed, [str(p) for p in problems]
    else:
        # A broken file may open (its problems listed) or be refused, but never silently.
        assert errors_listed or prompts.errors, "a broken file opened with no error shown"
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"
    assert _no_unexpected_dialogs == [], "a modal dialog bypassed the Prompts interface"


@pytest.mark.parametrize("kind", SPECIAL_FILES)
def test_window_refuses_what_is_not_a_regular_file(  # type: ignore[no-untyped-def]
    kind: str, tmp_path: Path, qtbot
) -> None:
    """Opening /dev/zero, a pipe, a folder or a missing file says why and never blocks."""
    from PySide6.QtCore import QSettings


    path = make_special(kind, tmp_path)
    prompts = _recording_prompts()
    window = _app_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                         prompts)
    qtbot.addWidget(window)
    assert window.open_path(path) is False
    assert window.document is None
    assert prompts.errors and path.name in prompts.errors[0][1], prompts.errors


def test_error_dialog_shows_markup_in_a_file_name_literally(  # type: ignore[no-untyped-def]
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real error dialog shows `<font size=7 color=red>x.yaml` as typed, not as markup.

    A file name is as hostile as the file: Qt guesses that text with a tag in it is rich text,
    so a dialog built from such a name must ask for plain text (or escape it).
    """
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox


    shown: list[str] = []

    def capture(box: QMessageBox) -> int:
        fmt = box.textFormat()
        rich = fmt == Qt.TextFormat.RichText or (
            fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(box.text())
        )
        if rich:
            doc = QTextDocument()
            doc.setHtml(box.text())
            shown.append(doc.toPlainText())
        else:
            shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    name = "<font size=7 color=red>x.yaml"
    path = tmp_path / name
    path.write_text("just a <b>scalar</b>\n", encoding="utf-8")
    window = _app_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_path(path) is False
    assert shown, "no error dialog was shown"
    assert name in shown[0], f"the dialog shows {shown[0]!r}, not the file name {name!r}"


# The cases where the window's memory matters most: big, deep, expanding or huge-text files.
HEAVY = [c for c in ALL_CASES if c.generated or c.name in (
    "alias_bomb_billion_laughs", "alias_recursive", "nesting_flow_30000", "nesting_block_30000",
    "long_name_100k", "far_pinned_position", "absurd_pinned_position")]


@pytest.mark.parametrize("case", HEAVY, ids=[c.name for c in HEAVY])
def test_window_opens_heavy_file_within_500_mb(case: Case, tmp_path: Path) -> None:
    """The heaviest files opened by the window in a child limited to 500 MB and a time-out."""
    path = case.materialise(tmp_path, tmp_path / "ATTACK-MARKER")
    run = run_module("tests.hostile.window_child", str(path), timeout=60.0)
    assert run.returncode == 0, run.describe()
    assert "Traceback" not in run.output, run.describe()
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["opened"] or outcome["errors"], outcome
    if case.loads:
        assert outcome["opened"] and outcome["arranged"] and not outcome["errors"], outcome


def test_details_of_a_body_with_20000_members_are_summarised(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A crafted body with 20,000 seats must not freeze the window when it is selected.

    Rendering all 20,000 rows took the details panel about 15 s here, with the window frozen;
    like the PDF directory, the panel should list the first few hundred and give a count.
    """
    from icsviewer.app.docks.details_dock import DetailsPanel
    from icsviewer.io.reader import load_chart

    case = next(c for c in ALL_CASES if c.name == "many_members_20000")
    chart = load_chart(case.materialise(tmp_path, tmp_path / "m")).chart
    assert chart is not None
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show_body(chart, "test_icb")
    listed = panel.toPlainText().count("Person ")
    assert 0 < listed <= 1000, f"the details page lists {listed} of 20,000 members"
