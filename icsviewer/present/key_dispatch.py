"""What each presenter key does once `keymap` has named it: move, cover, stop, or type a step.

Kept apart from the `Presenter` (which owns the show's state and the event filter) so the
rules of "number then Enter" — digits collect, Backspace deletes one, Enter jumps, any other
key abandons the number — read in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from icsviewer.present.keymap import Action, digit_of

if TYPE_CHECKING:
    from icsviewer.present.presenter import Presenter

# A clicker keypad has no reason to type more than a four-digit step number.
MAX_TYPED_DIGITS = 4


def perform_key(presenter: Presenter, action: Action, key: int) -> None:
    """Do what `action` (from key code `key`) means in the show `presenter` is running."""
    if _typing_a_step(presenter, action, key):
        return
    if action is Action.EXIT:
        if presenter.cover is not None:
            presenter.set_cover(None)
        else:
            presenter.stop()
    elif action is Action.BLACK:
        presenter.toggle_cover("black")
    elif action is Action.WHITE:
        presenter.toggle_cover("white")
    elif action in (Action.NEXT, Action.ENTER):
        presenter.next()
    elif action in (Action.PREV, Action.BACKSPACE):
        presenter.prev()
    elif action is Action.FIRST:
        presenter.first()
    elif action is Action.LAST:
        presenter.last()


def _typing_a_step(presenter: Presenter, action: Action, key: int) -> bool:
    """Handle 'number then Enter'; True when the key was used for that."""
    if action is Action.DIGIT:
        presenter.typed = (presenter.typed + str(digit_of(key)))[-MAX_TYPED_DIGITS:]
        _show_typed(presenter)
        return True
    if action is Action.ENTER and presenter.typed:
        number, presenter.typed = int(presenter.typed), ""
        if not presenter.goto(number):
            _show_counter(presenter)
        return True
    if action is Action.BACKSPACE and presenter.typed:
        presenter.typed = presenter.typed[:-1]
        _show_typed(presenter)
        return True
    if presenter.typed:
        # Any other key abandons a half-typed number (and then does its own job).
        presenter.typed = ""
        _show_counter(presenter)
    return False


def _show_typed(presenter: Presenter) -> None:
    caption, player = presenter.caption, presenter.player
    if caption is not None and player is not None:
        state = player.current()
        caption.show_text(state.caption if state else "", f"Go to {presenter.typed}…")


def _show_counter(presenter: Presenter) -> None:
    caption, player = presenter.caption, presenter.player
    if caption is not None and player is not None:
        state = player.current()
        if state is not None:
            caption.show_text(state.caption, state.counter)
