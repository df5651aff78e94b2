"""The keys presenters and clickers use, mapped to presenter actions.

Clickers send Page Down/Page Up (some send Right/Left, B or '.', and Esc or F5); PowerPoint
users expect Space/Enter/N forward, Backspace/P back, B/'.' black and W/',' white. One table
here keeps the presenter, the presenter view and the tests agreeing on it.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt


class Action(Enum):
    NEXT = "next"
    PREV = "prev"
    FIRST = "first"
    LAST = "last"
    ENTER = "enter"  # next, or jump to the typed step number
    BACKSPACE = "backspace"  # previous, or delete the last typed digit
    DIGIT = "digit"
    BLACK = "black"
    WHITE = "white"
    EXIT = "exit"


K = Qt.Key
_KEYS: dict[int, Action] = {
    K.Key_Right: Action.NEXT,
    K.Key_Down: Action.NEXT,
    K.Key_Space: Action.NEXT,
    K.Key_PageDown: Action.NEXT,
    K.Key_N: Action.NEXT,
    K.Key_Return: Action.ENTER,
    K.Key_Enter: Action.ENTER,
    K.Key_Left: Action.PREV,
    K.Key_Up: Action.PREV,
    K.Key_PageUp: Action.PREV,
    K.Key_P: Action.PREV,
    K.Key_Backspace: Action.BACKSPACE,
    K.Key_Home: Action.FIRST,
    K.Key_End: Action.LAST,
    K.Key_B: Action.BLACK,
    K.Key_Period: Action.BLACK,
    K.Key_W: Action.WHITE,
    K.Key_Comma: Action.WHITE,
    K.Key_Escape: Action.EXIT,
    **{int(K.Key_0) + n: Action.DIGIT for n in range(10)},
}

# With these held the key belongs to the application (Ctrl+Q still quits), not the show.
APP_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def action_for(
    key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> Action | None:
    """The presenter action for a key press, or None if the presenter should let it pass."""
    if modifiers & APP_MODIFIERS:
        return None
    return _KEYS.get(int(key))


def digit_of(key: int) -> int:
    """The digit a DIGIT key stands for (keypad digits share the key codes)."""
    return int(key) - int(K.Key_0)
