"""What the Edit menu does: the editing logic behind the window's actions.

`EditingController` reads the window's public attributes (`document`, `scene`, `view`,
`statusBar()`) at the moment an action runs, so it always works on the document on show.
Every change goes through an undo command; saving goes through `Document.save`; questions go
through `EditPrompts` (replaceable in tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect

from icsviewer.editor import clipboard
from icsviewer.editor import commands as c
from icsviewer.editor.clipboard import ClipboardError
from icsviewer.editor.document import Document, DocumentOpenError
from icsviewer.editor.saving import DocumentSaveError
from icsviewer.editor.ui.edit_prompts import EditPrompts, UnsavedChoice
from icsviewer.editor.ui.inplace_rename import InplaceRename, start_rename
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS

STATUS_MS = 8000


class EditingController(QObject):
    """Editing for one main window (its current document, whichever that is)."""

    def __init__(self, window: Any, prompts: EditPrompts | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.prompts = prompts or EditPrompts(window)
        self.rename: InplaceRename | None = None

    # ----- what is open and selected -----------------------------------------------------------
    @property
    def doc(self) -> Document | None:
        doc = getattr(self.window, "document", None)
        return doc if isinstance(doc, Document) else None

    def selected(self) -> list[str]:
        scene = getattr(self.window, "scene", None)
        return list(scene.selected_body_ids()) if scene is not None else []

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    def _push(self, command: c.ChartCommand) -> None:
        doc = self.doc
        if doc is not None and not command.isObsolete():
            doc.undo_stack.push(command)

    # ----- rename ------------------------------------------------------------------------------
    def start_rename(self, body_id: str | None = None) -> bool:
        """Open the in-place editor over the selected (or given) body. False if none."""
        doc, scene = self.doc, getattr(self.window, "scene", None)
        chosen = body_id or next(iter(self.selected()), None)
        if doc is None or scene is None or chosen is None or not doc.chart.has_body(chosen):
            return False
        view = self.window.view
        rect = scene.body_rect(chosen)
        if rect.isEmpty():
            return False
        view.ensureVisible(rect, 40, 40)
        box: QRect = view.mapFromScene(rect).boundingRect()
        self.commit_rename()
        self.rename = start_rename(view, doc, chosen, box)
        self.rename.finished.connect(self._rename_finished)
        return True

    def commit_rename(self) -> None:
        """Finish a rename in progress (before saving, for instance)."""
        if self.rename is not None:
            self.rename.commit()

    def _rename_finished(self, _committed: bool) -> None:
        self.rename = None

    # ----- bodies ------------------------------------------------------------------------------
    def add_body(self) -> str | None:
        """Ask for a kind (and, with a body selected, how the new one relates to it); add it."""
        doc = self.doc
        if doc is None:
            return None
        kinds = list(BODY_KINDS.values())
        pick = self.prompts.choose("Add body", "Kind of body:", [k.display_name for k in kinds])
        if pick is None:
            return None
        kind = kinds[pick].id
        selected = self.selected()
        connect_to, relation, new_is_source = None, "accountable_to", True
        if selected:
            other = doc.chart.body(selected[0]).name
            options: list[tuple[str, str, bool] | None] = [None]
            labels = ["Not connected"]
            for rk in RELATION_KINDS.values():
                options.append((rk.id, other, True))
                labels.append(f"New body {rk.verb} {other}")
            for rk in RELATION_KINDS.values():
                options.append((rk.id, other, False))
                labels.append(f"{other} {rk.verb} the new body")
            choice = self.prompts.choose("Add body", "Connect it to the selected body?", labels)
            if choice is None:
                return None
            option = options[choice]
            if option is not None:
                relation, new_is_source = option[0], option[2]
                connect_to = selected[0]
        command = c.add_body(doc, kind, connect_to=connect_to, relation=relation,
                             new_is_source=new_is_source)
        self._push(command)
        new_id = command.bodies[0].id
        self._status(f"Added {command.bodies[0].name}: type its name in the Edit panel.")
        return new_id

    def connect_selected(self) -> bool:
        """Connect the two selected bodies with a relationship of a chosen kind and direction."""
        doc, ids = self.doc, self.selected()
        if doc is None or len(ids) != 2:
            self._status("Select two bodies to connect (Ctrl+click the second).")
            return False
        a, b = (doc.chart.body(i) for i in ids)
        options: list[tuple[str, str, str]] = []
        labels: list[str] = []
        for rk in RELATION_KINDS.values():
            for s, t in ((a, b), (b, a)):
                options.append((s.id, rk.id, t.id))
                labels.append(f"{s.name} {rk.verb} {t.name}")
        choice = self.prompts.choose("Connect", "Relationship:", labels)
        if choice is None:
            return False
        source, kind, target = options[choice]
        self._push(c.connect(doc, source, target, kind))
        return True

    def delete_selected(self, text: str = "") -> None:
        doc, ids = self.doc, self.selected()
        if doc is not None and ids:
            self._push(c.DeleteBodies(doc, ids, text))

    def duplicate_selected(self) -> None:
        doc, ids = self.doc, self.selected()
        if doc is not None and ids:
            self._push(c.duplicate_bodies(doc, ids))

    def unpin(self) -> None:
        """Unpin the selected bodies, or every pinned body when nothing is selected."""
        doc = self.doc
        if doc is None:
            return
        ids = self.selected() or doc.chart.body_ids()
        command = c.unpin_bodies(doc, ids)
        if command.isObsolete():
            self._status("Nothing to unpin: those bodies are placed by the layout already.")
        self._push(command)

    def relayout(self) -> None:
        scene = getattr(self.window, "scene", None)
        if scene is not None:
            scene.relayout_requested.emit()

    # ----- clipboard ---------------------------------------------------------------------------
    def copy(self) -> bool:
        doc, ids = self.doc, self.selected()
        if doc is None or not ids:
            return False
        fragment = clipboard.fragment_of(doc.chart, ids)
        clipboard.put_text(clipboard.fragment_to_text(fragment, doc.chart.meta.title))
        n = len(fragment.bodies)
        self._status(f"Copied {n} bod{'y' if n == 1 else 'ies'}.")
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selected("Cut")

    def paste(self) -> None:
        doc = self.doc
        if doc is None:
            return
        try:
            fragment = clipboard.fragment_from_text(clipboard.get_text())
        except ClipboardError as err:
            self._status(str(err))
            return
        self._push(c.paste_elements(doc, fragment.bodies, fragment.relationships))

    # ----- groups and tours --------------------------------------------------------------------
    def change_group(self, member: bool) -> None:
        doc, ids = self.doc, self.selected()
        if doc is None or not ids or not doc.chart.groups:
            return
        groups = list(doc.chart.groups)
        verb = "Add to" if member else "Remove from"
        pick = self.prompts.choose(f"{verb} group", "Group:", [g.name or g.id for g in groups])
        if pick is not None:
            self._push(c.set_group_membership(doc, groups[pick].id, ids, member))

    def add_tour_step(self) -> None:
        doc, ids = self.doc, self.selected()
        if doc is None or not ids or not doc.chart.tours:
            self._status("Select the bodies to show in the step (the chart needs a tour).")
            return
        tours = list(doc.chart.tours)
        pick = 0 if len(tours) == 1 else self.prompts.choose(
            "Add tour step", "Tour:", [t.name or t.id for t in tours]
        )
        if pick is not None:
            self._push(c.add_step(doc, tours[pick].id, ids))

    # ----- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the document (Save As when it has no file). True when it is saved."""
        doc = self.doc
        if doc is None:
            return False
        self.commit_rename()
        if doc.path is None:
            return self.save_as()
        return self._save_to(doc, None)

    def save_as(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        self.commit_rename()
        suggested = str(doc.path) if doc.path else str(Path.home() / "chart.yaml")
        path = self.prompts.ask_save_path(suggested)
        return path is not None and self._save_to(doc, path)

    def _save_to(self, doc: Document, path: Path | None) -> bool:
        try:
            if path is None:
                doc.save()
            else:
                doc.save_as(path)
        except DocumentSaveError as err:
            self.prompts.error("Could not save the chart", err.message)
            return False
        self._status(f"Saved {doc.display_name}.")
        return True

    def confirm_discard(self) -> bool:
        """Before closing or replacing the document: Save / Discard / Cancel. True to go on."""
        doc = self.doc
        if doc is None or not doc.is_modified:
            return True
        self.commit_rename()
        choice = self.prompts.ask_unsaved(doc.display_name)
        if choice is UnsavedChoice.SAVE:
            return self.save()
        return choice is UnsavedChoice.DISCARD

    def on_changed_on_disk(self, path: object) -> None:
        """Another program changed the file: offer to reload it."""
        doc = self.doc
        if doc is None or path != doc.path:
            return
        lose = " Your unsaved changes here would be lost." if doc.is_modified else ""
        if not self.prompts.ask_yes_no(
            "File changed on disk",
            f"“{doc.display_name}” was changed by another program. Reload it?{lose}",
        ):
            doc.file_watcher.accept_disk_version()
            return
        try:
            doc.reload()
        except DocumentOpenError as err:
            self.prompts.error("Could not reload", err.message,
                               "\n".join(str(p) for p in err.problems))
            return
        self._status(f"Reloaded {doc.display_name}.")
