"""Start the window: `icsviewer [PATH] [--theme NAME] [--present]`.

Checks first that a Linux machine can show a window at all (and says what to install if not),
loads the bundled fonts, and opens PATH or the bundled flagship chart. When the command line
has already forked a child that reads and lays out that file (`icsviewer.prefetch`), the
window takes the chart and layout from it (`startup_open`) instead of working them out again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from icsviewer import paths
from icsviewer.app.platform_check import check as check_platform
from icsviewer.style.theme import THEMES

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from icsviewer.app.layout_runner import LayoutFunction
    from icsviewer.app.main_window import MainWindow
    from icsviewer.app.opening import Loader
    from icsviewer.app.prompts import Prompts
    from icsviewer.prefetch import Prefetch


def run_app(
    path: str | None,
    theme: str | None = None,
    present: bool = False,
    prefetch: Prefetch | None = None,
) -> int:
    """Run the GUI until the window closes; returns the process exit code.

    `prefetch`: the child already reading (and laying out) the file to open, if any.
    """
    problem = check_platform()
    if problem:
        print(problem, file=sys.stderr)
        if prefetch is not None:
            prefetch.cancel()
        return 1
    if theme is not None and theme not in THEMES:
        print(
            f"icsviewer: unknown theme {theme!r}; choose one of: {', '.join(THEMES)}",
            file=sys.stderr,
        )
        if prefetch is not None:
            prefetch.cancel()
        return 2
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from icsviewer.app.settings import APPLICATION, ORGANISATION, open_settings
    from icsviewer.canvas.fonts import load_bundled_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(QIcon())
    load_bundled_fonts()
    target = initial_path(path)
    if prefetch is not None and prefetch.path != target:
        prefetch.cancel()
        prefetch = None
    if prefetch is None:
        window = build_main_window(open_settings())
    else:
        from icsviewer.app.startup_open import PrefetchedLayout, PrefetchedLoader, StartupOpen

        loader, layouts = PrefetchedLoader(), PrefetchedLayout()
        window = build_main_window(open_settings(), loader=loader, layout_function=layouts)
        app.aboutToQuit.connect(prefetch.cancel)
    if theme is not None:
        window.set_theme(theme, remember=False)
    window.show()

    def after_opening() -> None:
        from icsviewer.editor.ui.safety import start_safety

        # After the chart is open: the crash guard (autosave first, log, explain, keep
        # running) and the offer to restore work a crash left unsaved.
        window.features["crash_guard"] = start_safety(window)
        if present:
            start_presenting(window)

    if prefetch is not None:
        # The chart arrives while the event loop runs (progress and Cancel in the status bar).
        window.features["startup_open"] = StartupOpen(
            window, prefetch, loader, layouts, then=after_opening
        )
    else:
        if not path and not target.exists():
            window.prompts.error(
                "Bundled chart missing",
                f"The bundled chart was not found at {target}. Use File > Open.",
            )
        else:
            window.open_path(target)
        after_opening()
    return int(app.exec())


def build_main_window(
    settings: QSettings,
    prompts: Prompts | None = None,
    loader: Loader | None = None,
    layout_function: LayoutFunction | None = None,
) -> MainWindow:
    """The whole application window: the viewer with editing, presenting and exporting.

    Each feature installs itself on the window's public hooks (menus, `document_shown`,
    `open_guards`), in menu order: editing's Save entries come before Export. `loader` and
    `layout_function` replace how the window reads files and lays charts out (start-up).
    """
    from icsviewer.app.export_actions import install_exporting
    from icsviewer.app.main_window import MainWindow
    from icsviewer.app.opening import load_document
    from icsviewer.editor.ui.edit_actions import install_editing
    from icsviewer.present.install import install_presenter

    window = MainWindow(settings, prompts, loader or load_document, layout_function)
    window.features["editing"] = install_editing(window)
    window.features["presenter"] = install_presenter(window)
    window.features["exporting"] = install_exporting(window)
    return window


def initial_path(path: str | None) -> Path:
    """The file to open first: the one named on the command line, else the bundled chart."""
    return Path(path) if path else paths.FLAGSHIP_CHART


def start_presenting(window: object) -> None:
    """Start presenter mode if it is installed (it is a separate feature)."""
    try:
        from icsviewer.present import start_presenting as start
    except ImportError:
        print("icsviewer: presenter mode is not available in this build", file=sys.stderr)
        return
    start(window)
