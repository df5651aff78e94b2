"""Saving a bundled chart unchanged from the editor leaves the file exactly as it was,
comments included, so a board secretary's version control shows no spurious change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from icsviewer.editor.document import Document

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["cheshire_and_merseyside.yaml", "template.yaml"])
def test_unchanged_save_reproduces_the_file(qtbot: object, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(ROOT / "data" / name, path)
    before = path.read_bytes()
    doc = Document.open(path)
    doc.save()
    assert path.read_bytes() == before
    assert b"# yaml-language-server" in path.read_bytes()
    doc.close()
