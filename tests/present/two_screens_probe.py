"""Run by test_presenter_view in a child process whose Qt has two (offscreen) screens.

Prints one JSON line describing where the audience window and the presenter view ended up,
before and after swapping the screens. Not a test module itself.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from icsviewer.present.install import install_presenter
    from tests.present.conftest import StandInWindow, make_chart

    report: dict[str, object] = {"screens": len(app.screens())}
    window = StandInWindow(make_chart())
    window.show()
    presenter = install_presenter(window, animate=False)
    presenter.start()
    app.processEvents()
    pv = presenter.presenter_view
    report["has_view"] = pv is not None
    if pv is not None:
        report["audience"] = window.screen().name()
        report["speaker"] = pv.screen().name()
        report["now"] = pv.now_counter.text()
        report["notes"] = pv.notes.text()
        report["next"] = pv.next_caption.text()
        # Keys pressed on the presenter view drive the show too.
        from PySide6.QtTest import QTest

        QTest.keyClick(pv, Qt.Key.Key_Right)
        report["after_key"] = presenter.caption.counter
        report["now_after_key"] = pv.now_counter.text()
        pv.swap_action.trigger()
        app.processEvents()
        report["audience_swapped"] = window.screen().name()
        report["speaker_swapped"] = pv.screen().name()
        report["full_screen_after_swap"] = window.isFullScreen()
    presenter.stop()
    report["view_closed"] = presenter.presenter_view is None
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
