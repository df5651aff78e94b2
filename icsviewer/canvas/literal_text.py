"""Show text from a chart file exactly as written where Qt would otherwise guess at markup.

Tooltips and message boxes treat text that looks like HTML as HTML, so a body named
`<b>x</b>` or `<img src=...>` would be rendered rather than shown. Escaping it and marking it
as rich text on purpose makes Qt show the characters themselves.
"""

from __future__ import annotations

from html import escape


def literal_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, line breaks kept."""
    body = "<br>".join(escape(line) for line in text.split("\n"))
    return f"<p style='white-space:pre-wrap'>{body}</p>"
