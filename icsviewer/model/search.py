"""Finding bodies by what a person types: ranked the way someone typing a name expects.

An exact name (or short name or alias) first, then names starting with the text, then a word
of the name starting with it, then names containing it, then short names and aliases
containing it, then descriptions; file order within each rank.
"""

from __future__ import annotations

from collections.abc import Iterable

from icsviewer.model.records import Body

# One more than the worst rank of a match: the rank of a body that does not match at all.
NO_MATCH = 6


def search_rank(body: Body, needle: str) -> int:
    """0 (best) to 5 for a match of `needle` (lower case) in `body`; NO_MATCH for none."""
    name = body.name.lower()
    others = [body.short_name.lower(), *(a.lower() for a in body.aliases)]
    if needle == name or needle in others:
        return 0
    if name.startswith(needle):
        return 1
    if any(word.startswith(needle) for word in name.split()):
        return 2
    if needle in name:
        return 3
    if any(needle in other for other in others):
        return 4
    return 5 if needle in body.description.lower() else NO_MATCH


def search_bodies(bodies: Iterable[Body], text: str) -> list[Body]:
    """The bodies matching `text` (case and surrounding spaces ignored), best first."""
    needle = text.strip().lower()
    if not needle:
        return []
    ranked = [(search_rank(body, needle), index, body) for index, body in enumerate(bodies)]
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [body for rank, _, body in ranked if rank < NO_MATCH]
