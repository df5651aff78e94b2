"""Presenter mode: tours, camera moves and clicker keys, full screen.

`install_presenter(window)` (in `install`) adds View > Present (F5), View > Present Tour and
the tour editor dock; `start_presenting(window)` starts a show at once (`icsviewer --present`).
"""

from __future__ import annotations

from typing import Any


def start_presenting(window: Any) -> None:
    """Present the window's chart now, installing presenter mode first if the window has not."""
    from icsviewer.present.install import install_presenter
    from icsviewer.present.presenter import Presenter

    presenter = window.findChild(Presenter)
    if presenter is None:
        presenter = install_presenter(window)
    presenter.start()
