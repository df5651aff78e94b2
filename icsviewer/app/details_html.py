"""The details of one body as simple HTML for the details panel.

Every text from the file is escaped (a chart file is untrusted). Only http, https and mailto
links become clickable; anything else is shown as plain text. Related bodies link as
`body:<id>`, which the panel turns into "select and centre that body".
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from icsviewer.model.chart import Body, Chart, SourceRef
from icsviewer.model.kinds import body_kind, relation_kind

SAFE_SCHEMES = ("http", "https", "mailto")
BODY_SCHEME = "body"
# Longer lists are cut with a count: Qt's rich-text layout of tens of thousands of rows froze
# the window for seconds (a crafted file). The PDF directory has every entry.
MAX_LISTED = 200


def is_safe_url(url: str) -> bool:
    """Whether a link from a file may be opened: http(s) with a host, or mailto."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return False
    if parsed.scheme == "mailto":
        return bool(parsed.path)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _link(url: str, label: str) -> str:
    text = escape(label or url)
    if is_safe_url(url):
        return f'<a href="{escape(url.strip(), quote=True)}">{text}</a>'
    return f"{text} <span style='color:#768692'>(link not opened: {escape(url)})</span>"


def _section(title: str, body: str) -> str:
    return f"<h3 style='margin-bottom:2px'>{escape(title)}</h3>{body}" if body else ""


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in parts)


def _sources(sources: tuple[SourceRef, ...]) -> str:
    items = []
    for src in sources:
        label = src.title or src.url
        checked = f" (checked {src.verified_on:%d %b %Y})" if src.verified_on else ""
        items.append(f"<li>{_link(src.url, label) if src.url else escape(label)}{checked}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def relationship_lines(chart: Chart, body: Body) -> list[tuple[str, str, str, str]]:
    """(text before, other body id, other body name, text after) per relationship, file order.

    Outgoing: "Is accountable to [NHS England]"; incoming: "[Halton Council] is a member of
    this"; undirected kinds read the same both ways.
    """
    lines = []
    for rel in chart.relationships_of(body.id):
        kind = relation_kind(rel.kind)
        outgoing = rel.source == body.id
        other = rel.target if outgoing else rel.source
        name = chart.body(other).name if chart.has_body(other) else f"{other} (missing)"
        if outgoing or not kind.directed:
            lines.append((kind.verb.capitalize() + " ", other, name, ""))
        else:
            lines.append(("", other, name, f" {kind.verb} this"))
    return lines


def body_details_html(chart: Chart, body_id: str) -> str:
    """The whole details page for a body; a short notice if there is no such body."""
    if not chart.has_body(body_id):
        return "<p>Select a body on the chart to see its details here.</p>"
    body = chart.body(body_id)
    kind = body_kind(body.kind)
    parts = [f"<h2 style='margin-bottom:0'>{escape(body.name)}</h2>"]
    sub = kind.display_name + (f" · {body.short_name}" if body.short_name else "")
    parts.append(f"<p style='color:#425563;margin-top:2px'>{escape(sub)}</p>")
    if body.aliases:
        parts.append(f"<p><i>Also known as:</i> {escape(', '.join(body.aliases))}</p>")
    parts.append(_paragraphs(body.description))
    if body.valid_from or body.valid_to:
        span = f"{body.valid_from or '…'} to {body.valid_to or 'now'}"
        parts.append(f"<p><i>Existed:</i> {escape(span)}</p>")
    members = "".join(
        f"<li><b>{escape(m.role)}</b>{': ' + escape(m.holder) if m.holder else ''}"
        f"{' (nominated by ' + escape(m.nominated_by) + ')' if m.nominated_by else ''}</li>"
        for m in body.members[:MAX_LISTED]
    ) + _more(len(body.members), "member")
    parts.append(_section("Members", f"<ul>{members}</ul>" if members else ""))
    rels = "".join(
        f"<li>{escape(before)}<a href='{BODY_SCHEME}:{escape(other, quote=True)}'>"
        f"{escape(name)}</a>{escape(after)}</li>"
        for before, other, name, after in relationship_lines(chart, body)[:MAX_LISTED]
    ) + _more(len(chart.relationships_of(body.id)), "relationship")
    parts.append(_section("Relationships", f"<ul>{rels}</ul>" if rels else ""))
    links = "".join(f"<li>{_link(link.url, link.label)}</li>" for link in body.links)
    parts.append(_section("Links", f"<ul>{links}</ul>" if links else ""))
    parts.append(_section("Sources", _sources(body.sources)))
    parts.append(_section("Notes", _paragraphs(body.notes)))
    return "".join(parts)


def _more(total: int, noun: str) -> str:
    """A closing list item saying how many entries were left out, if any."""
    hidden = total - MAX_LISTED
    if hidden <= 0:
        return ""
    return f"<li><i>… and {hidden:,} more {noun}{'s' if hidden > 1 else ''}</i></li>"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def chart_summary_html(chart: Chart) -> str:
    """What the panel shows when no body is selected: what the chart is, and how to use it."""
    meta = chart.meta
    parts = [f"<h2 style='margin-bottom:0'>{escape(meta.title)}</h2>"]
    if meta.subtitle:
        parts.append(f"<p style='color:#425563;margin-top:2px'>{escape(meta.subtitle)}</p>")
    facts = []
    if meta.as_at:
        facts.append(f"As at {meta.as_at.day} {meta.as_at:%B %Y}")
    if meta.version:
        facts.append(f"version {meta.version}")
    if meta.marking:
        facts.append(meta.marking)
    if facts:
        parts.append(f"<p>{escape(' · '.join(facts))}</p>")
    counts = ", ".join(
        _count(n, one, many)
        for n, one, many in (
            (len(chart.bodies), "body", "bodies"),
            (len(chart.relationships), "relationship", "relationships"),
            (len(chart.groups), "group", "groups"),
        )
    )
    parts.append(f"<p>{counts}.</p>")
    parts.append(_paragraphs(meta.description))
    parts.append(
        "<p style='color:#425563'>Select a body (click it, or press Tab) to see its details "
        "here. Ctrl+F finds a body by name.</p>"
    )
    parts.append(_section("Sources", _sources(meta.sources)))
    return "".join(parts)
