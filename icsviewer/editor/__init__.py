"""Editing: the Document (chart + undo stack + file), undoable commands, saving and recovery."""
