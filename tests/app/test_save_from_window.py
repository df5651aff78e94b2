"""A chart opened in the window and saved unchanged keeps its file byte for byte, comments
included: the window opens files through the same doorway as the editor."""

from __future__ import annotations

import shutil
from pathlib import Path

from icsviewer.app.opening import load_document
from icsviewer.editor.document import Document

ROOT = Path(__file__).resolve().parents[2]


def test_window_open_then_save_keeps_the_file(qtbot: object, tmp_path: Path) -> None:
    path = tmp_path / "chart.yaml"
    shutil.copy(ROOT / "data" / "cheshire_and_merseyside.yaml", path)
    before = path.read_bytes()
    doc = load_document(path)
    assert isinstance(doc, Document)
    doc.save()
    assert path.read_bytes() == before
    doc.close()
