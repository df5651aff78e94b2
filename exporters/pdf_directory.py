"""The PDF's text pages: the plain-English description, then the directory of every body.

Built as `pdf_textflow` items: runs of plain text, never markup, so a label such as
``<font color=...>`` is drawn literally and nothing in it is ever parsed or evaluated (text is
`clean`ed of control and bidi-override characters). Links are https/mailto only (`safe_url`);
names of other bodies link to their own directory entries, and every entry links back to the
box on the chart.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from exporters.describe import HEADING as DESCRIPTION_HEADING
from exporters.describe import describe
from exporters.pdf_setup import LINK, RULE
from exporters.pdf_text_styles import Fonts, TextStyle
from exporters.pdf_textflow import Bookmark, Item, Keep, Para, Run, Table
from exporters.reading_order import directory_sections
from exporters.safe_text import one_line, safe_url
from exporters.wording import body_name, format_date, kind_name, shorten
from icsviewer.model.chart import Body, Chart, Member, Relationship, SourceRef
from icsviewer.model.kinds import relation_kind

DIRECTORY_HEADING = "Directory of bodies"
# Very long fields are cut so one hostile 100,000-character description cannot make 40 pages.
MAX_FIELD = 4000
MAX_HEADING = 300
# Seats listed per body (the rest are counted).
MAX_MEMBER_ROWS = 200
# Space after each entry, on top of its last paragraph's own.
ENTRY_GAP = 4.0


def body_keys(chart: Chart) -> dict[str, str]:
    """Destination name of each body's directory entry (by position: ids may be hostile)."""
    return {body.id: f"body-{index}" for index, body in enumerate(chart.bodies)}


def chart_keys(chart: Chart) -> dict[str, str]:
    """Destination name of each body's box on the chart pages."""
    return {body.id: f"chart-{index}" for index, body in enumerate(chart.bodies)}


def _heading(text: str, style: TextStyle, key: str, level: int) -> Para:
    """A heading that is also a link destination and an outline entry."""
    shown = text if len(text) <= MAX_HEADING else text[:MAX_HEADING].rstrip() + "…"
    mark = Bookmark(key, one_line(text)[:200] or key, level, closed=level >= 1)
    return Para(style, [Run(shown)], bookmark=mark)


def _p(text: str, style: TextStyle) -> Para:
    """A paragraph of user text (cut to a sane length; its own line breaks kept)."""
    return Para(style, [Run(text[:MAX_FIELD])])


def description_items(chart: Chart, styles: dict[str, TextStyle]) -> list[Item]:
    """The 'How this system is organised' pages."""
    out: list[Item] = [_heading(DESCRIPTION_HEADING, styles["title"], "description", 0)]
    for part in describe(chart):
        out.append(Para(styles["h2"], [Run(part.heading)]))
        out.extend(_p(text, styles["body"]) for text in part.paragraphs)
    return out


class _DirectoryWriter:
    """Builds the directory items; keeps the lookup tables in one place."""

    def __init__(
        self,
        chart: Chart,
        styles: dict[str, TextStyle],
        fonts: Fonts,
        on_chart: Collection[str],
    ) -> None:
        self.chart = chart
        self.styles = styles
        self.fonts = fonts
        self.keys = body_keys(chart)
        # A body hidden in a collapsed group has no box: its entry links to the chart page.
        self.back = {
            body_id: key if body_id in on_chart else "chart"
            for body_id, key in chart_keys(chart).items()
        }
        # "View on chart" closes each entry, with the gap before the next entry after it.
        note = styles["note"]
        self.back_style = replace(note, space_after=note.space_after + ENTRY_GAP)
        self._links: dict[str, Run] = {}
        self._tails: dict[int, Run] = {}  # by relationship (the chart keeps them alive)
        # Each body's relationships in file order, found once (not a scan of all per body).
        self.rels: dict[str, list[Relationship]] = {}
        for rel in chart.relationships:
            self.rels.setdefault(rel.source, []).append(rel)
            if rel.target != rel.source:
                self.rels.setdefault(rel.target, []).append(rel)

    def items(self) -> list[Item]:
        s = self.styles
        out: list[Item] = [
            _heading(DIRECTORY_HEADING, s["title"], "directory", 0),
            Para(
                s["note"],
                [
                    Run(
                        "Every body on the chart, in reading order. Select a name to go to its "
                        "entry; select "
                    ),
                    Run("View on chart", font=self.fonts.italic),
                    Run(" to return to its box."),
                ],
            ),
        ]
        for section in directory_sections(self.chart):
            opening: list[Para | Table] = [
                _heading(section.heading, s["h2"], f"section-{section.key}", 1)
            ]
            if section.intro:
                opening.append(_p(section.intro, s["note"]))
            for index, body in enumerate(section.bodies):
                lead, rest = self._entry(body)
                # An entry's name, kind line and description stay together, and the section
                # heading travels with its first entry, so neither ends a column alone; the
                # lists after them may flow on to the next column.
                out.append(Keep((opening if index == 0 else []) + lead))
                out.extend(rest)
        return out

    def _link_to(self, body_id: str) -> Run:
        """A body's name, linked to its entry when it has one (made once per body)."""
        found = self._links.get(body_id)
        if found is None:
            name = one_line(body_name(self.chart, body_id))
            key = self.keys.get(body_id)
            found = self._links[body_id] = Run(name, link=f"#{key}" if key else "")
        return found

    def _entry(self, body: Body) -> tuple[list[Para | Table], list[Para | Table]]:
        """(the lead kept together, the rest) of one body's entry."""
        s = self.styles
        name = one_line(body.name) or body.id
        lead: list[Para | Table] = [
            _heading(name, s["h3"], self.keys[body.id], 2),
            Para(s["meta"], self._meta_line(body)),
        ]
        if body.description.strip():
            lead.append(_p(body.description, s["body"]))
        parts: list[Para | Table] = []
        if body.members:
            parts.append(Para(s["label"], [Run("Members")]))
            seats = body.members[:MAX_MEMBER_ROWS]
            parts.append(self._members_table(seats))
            hidden = len(body.members) - len(seats)
            if hidden:
                parts.append(
                    Para(
                        s["note"], [Run(f"… and {hidden:,} more seats, listed in the chart file.")]
                    )
                )
        rels = self.rels.get(body.id, [])
        if rels:
            parts.append(Para(s["label"], [Run("Relationships")]))
            parts.extend(Para(s["item"], self._relationship(body, r), "•") for r in rels)
        links = [(safe_url(link.url), link.label) for link in body.links]
        safe_links = [(url, label) for url, label in links if url]
        if safe_links:
            parts.append(Para(s["label"], [Run("Links")]))
            parts.extend(Para(s["item"], [_link_run(url, label)], "•") for url, label in safe_links)
        if body.sources:
            parts.append(Para(s["label"], [Run("Sources")]))
            parts.extend(Para(s["item"], _source_runs(src), "•") for src in body.sources)
        if body.notes.strip():
            note = [Run("Note:", font=self.fonts.bold), Run(" " + body.notes[:MAX_FIELD])]
            parts.append(Para(s["note"], note))
        parts.append(Para(self.back_style, [Run("View on chart", link=f"#{self.back[body.id]}")]))
        return lead, parts

    def _meta_line(self, body: Body) -> list[Run]:
        facts: list[Run] = [Run(kind_name(body.kind), font=self.fonts.bold)]
        if one_line(body.short_name):
            facts.append(Run(f"Short name: {one_line(body.short_name)}"))
        aliases = [one_line(a) for a in body.aliases if one_line(a)]
        if aliases:
            facts.append(Run(f"Also known as: {'; '.join(aliases)[:MAX_FIELD]}"))
        if body.valid_from and body.valid_to:
            facts.append(
                Run(f"Existed {format_date(body.valid_from)} to {format_date(body.valid_to)}")
            )
        elif body.valid_from:
            facts.append(Run(f"Since {format_date(body.valid_from)}"))
        elif body.valid_to:
            facts.append(Run(f"Until {format_date(body.valid_to)}"))
        out: list[Run] = []
        for n, fact in enumerate(facts):
            if n:
                out.append(Run(" · "))
            out.append(fact)
        return out

    def _members_table(self, members: Sequence[Member]) -> Table:
        s = self.styles
        rows = [
            (
                shorten(one_line(m.role)),
                # Cells are cut to a sane length so no row is taller than a page.
                shorten(one_line(m.holder)) or "Not recorded",
                shorten(one_line(m.nominated_by)),
            )
            for m in members
        ]
        return Table(
            ("Role", "Held by", "Nominated by"),
            rows,
            (0.38, 0.32, 0.30),
            s["cell"],
            s["cellhead"],
            RULE,
        )

    def _relationship(self, body: Body, rel: Relationship) -> list[Run]:
        verb = relation_kind(rel.kind).verb
        if rel.source == body.id:
            runs = [Run(f"{verb[:1].upper()}{verb[1:]} "), self._link_to(rel.target)]
        else:
            runs = [self._link_to(rel.source), Run(f" {verb} this body")]
        return [*runs, self._tail(rel)]

    def _tail(self, rel: Relationship) -> Run:
        """' (label; legal basis).' after a relationship, made once (both ends list it)."""
        found = self._tails.get(id(rel))
        if found is None:
            extras = [t for t in (one_line(rel.label), one_line(rel.legal_basis)) if t]
            tail = f" ({'; '.join(extras)[:MAX_FIELD]})" if extras else ""
            found = self._tails[id(rel)] = Run(tail + ".")
        return found


def directory_items(
    chart: Chart, styles: dict[str, TextStyle], fonts: Fonts, on_chart: Collection[str]
) -> list[Item]:
    """The directory pages: sections with bookmarks, one entry per body.

    `on_chart` names the bodies that have a box on the chart (their "View on chart" link goes
    to the box; the others, hidden in a collapsed group, go to the chart page).
    """
    return _DirectoryWriter(chart, styles, fonts, on_chart).items()


def _link_run(url: str, label: str) -> Run:
    text = one_line(label)[:200]
    return Run(f"{text}: {url}" if text else url, colour=LINK, link=url)


def _source_runs(src: SourceRef) -> list[Run]:
    title = one_line(src.title)[:MAX_FIELD] or "Source"
    url = safe_url(src.url)
    runs = [Run(title, colour=LINK, link=url)] if url else [Run(title)]
    tail = f" ({url})" if url else ""
    if src.verified_on:
        tail += f", verified {format_date(src.verified_on)}"
    if tail:
        runs.append(Run(tail))
    return runs
