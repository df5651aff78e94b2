"""Start-up safety for the window: the crash guard, and the offer to restore lost work.

Call `start_safety(window)` once the window is shown (and has opened its first file). It
installs the exception hooks with the window's autosave registered, then asks about work a
crash left unsaved and shows the restored document in the window.
"""

from __future__ import annotations

from typing import Any

from icsviewer.editor.crash_guard import CrashGuard
from icsviewer.editor.document import Document
from icsviewer.editor.recovery_prompt import offer_recovery
from icsviewer.editor.ui.edit_prompts import EditPrompts


def start_safety(window: Any, prompts: EditPrompts | None = None) -> CrashGuard:
    """Install the crash guard for `window` and offer recovery; returns the guard."""
    guard = CrashGuard()

    def autosave_open_document() -> bool:
        doc = getattr(window, "document", None)
        return doc.autosave_now() if isinstance(doc, Document) else False

    guard.add_autosave(autosave_open_document)
    guard.install()
    # The window shows one document: restore the newest lost work; the rest is offered at
    # the next start.
    for doc in offer_recovery(prompts or EditPrompts(window), limit=1):
        window.show_document(doc)
    return guard
