"""At start-up: offer to restore work a crash left unsaved; declining removes it.

Call `offer_recovery(prompts)` once the window can show dialogs, and open each returned
Document. `prompts` is anything with `ask_yes_no(title, text) -> bool`, so tests answer for
the user.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from icsviewer.editor import autosave
from icsviewer.editor.document import Document

TITLE = "Recover unsaved work?"


class YesNoPrompts(Protocol):
    def ask_yes_no(self, title: str, text: str) -> bool: ...


def offer_recovery(
    prompts: YesNoPrompts, directory: Path | None = None, limit: int | None = None
) -> list[Document]:
    """Ask about each piece of recoverable work; return the documents the user restored.

    A restored document is marked unsaved and saves to the file it came from. A recovery file
    that cannot be read is not deleted silently: the user is told and asked. With `limit`,
    asking stops once that many are restored (a one-document window); the rest wait for the
    next start.
    """
    restored: list[Document] = []
    for info in autosave.find_recoverable(directory):
        if limit is not None and len(restored) >= limit:
            break
        question = (
            f"ICS Viewer closed without saving changes to {info.description}.\n\n"
            "Restore them? If you choose No, the unsaved changes are deleted."
        )
        if not prompts.ask_yes_no(TITLE, question):
            autosave.discard(info)
            continue
        try:
            restored.append(autosave.restore(info))
        except autosave.RecoveryError as err:
            keep = prompts.ask_yes_no(
                TITLE,
                f"{err}\n\nKeep the recovery file ({info.data_path}) so you can look at it "
                "yourself? If you choose No, it is deleted.",
            )
            if not keep:
                autosave.discard(info)
    return restored
