"""The PDF's text pages: the plain-English description, then the directory of every body.

Every piece of user text is escaped with `para_text` before it becomes Paragraph markup; the
only markup in the result is ours (bold, line breaks, links). Links are https/mailto only
(`safe_url`); names of other bodies link to their own directory entries, and every entry links
back to the box on the chart.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from exporters.describe import HEADING as DESCRIPTION_HEADING
from exporters.describe import describe
from exporters.pdf_setup import RULE
from exporters.pdf_text_styles import OutlinedHeading
from exporters.pdf_text_styles import WrappedOnce as Paragraph
from exporters.reading_order import directory_sections
from exporters.safe_text import one_line, para_text, safe_url, xml_attr
from exporters.wording import body_name, format_date, kind_name, shorten
from icsviewer.model.chart import Body, Chart, Member, Relationship, SourceRef
from icsviewer.model.kinds import relation_kind

DIRECTORY_HEADING = "Directory of bodies"
# Very long fields are cut so one hostile 100,000-character description cannot make 40 pages.
MAX_FIELD = 4000
MAX_HEADING = 300
# Seats listed per body, and rows per table (see _entry).
MAX_MEMBER_ROWS = 200
TABLE_CHUNK = 25


def body_keys(chart: Chart) -> dict[str, str]:
    """Destination name of each body's directory entry (by position: ids may be hostile)."""
    return {body.id: f"body-{index}" for index, body in enumerate(chart.bodies)}


def chart_keys(chart: Chart) -> dict[str, str]:
    """Destination name of each body's box on the chart pages."""
    return {body.id: f"chart-{index}" for index, body in enumerate(chart.bodies)}


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text, escaped (never parsed as markup)."""
    return Paragraph(para_text(text[:MAX_FIELD]), style)


def description_flowables(chart: Chart, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The 'How this system is organised' pages."""
    out: list[Flowable] = [
        OutlinedHeading(
            para_text(DESCRIPTION_HEADING), styles["title"], "description", DESCRIPTION_HEADING, 0
        )
    ]
    for part in describe(chart):
        out.append(Paragraph(para_text(part.heading), styles["h2"]))
        out.extend(_p(text, styles["body"]) for text in part.paragraphs)
    return out


class _DirectoryWriter:
    """Builds the directory flowables; keeps the lookup tables in one place."""

    def __init__(
        self, chart: Chart, styles: dict[str, ParagraphStyle], on_chart: Collection[str]
    ) -> None:
        self.chart = chart
        self.styles = styles
        self.keys = body_keys(chart)
        # A body hidden in a collapsed group has no box: its entry links to the chart page.
        self.back = {
            body_id: key if body_id in on_chart else "chart"
            for body_id, key in chart_keys(chart).items()
        }

    def flowables(self) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [
            OutlinedHeading(
                para_text(DIRECTORY_HEADING), s["title"], "directory", DIRECTORY_HEADING, 0
            ),
            Paragraph(
                "Every body on the chart, in reading order. Select a name to go to its entry; "
                "select <i>View on chart</i> to return to its box.",
                s["note"],
            ),
        ]
        for section in directory_sections(self.chart):
            opening: list[Flowable] = [
                OutlinedHeading(
                    para_text(section.heading),
                    s["h2"],
                    f"section-{section.key}",
                    section.heading,
                    1,
                )
            ]
            if section.intro:
                opening.append(_p(section.intro, s["note"]))
            for index, body in enumerate(section.bodies):
                lead, rest = self._entry(body)
                # An entry's name, kind line and description stay together, and the section
                # heading travels with its first entry, so neither ends a column alone; the
                # lists after them may flow on to the next column.
                out.append(KeepTogether((opening if index == 0 else []) + lead))
                out.extend(rest)
        return out

    def _link_to(self, body_id: str) -> str:
        """A body's name as markup, linked to its entry when it has one."""
        name = para_text(one_line(body_name(self.chart, body_id)))
        key = self.keys.get(body_id)
        return f'<a href="#{key}">{name}</a>' if key else name

    def _entry(self, body: Body) -> tuple[list[Flowable], list[Flowable]]:
        """(the lead kept together, the rest) of one body's entry."""
        s = self.styles
        key = self.keys[body.id]
        name = one_line(body.name) or body.id
        shown = name if len(name) <= MAX_HEADING else name[:MAX_HEADING].rstrip() + "…"
        head = OutlinedHeading(para_text(shown), s["h3"], key, name, 2)
        lead: list[Flowable] = [head, Paragraph(self._meta_line(body), s["meta"])]
        if body.description.strip():
            lead.append(_p(body.description, s["body"]))
        parts: list[Flowable] = []
        if body.members:
            parts.append(Paragraph("Members", s["label"]))
            seats = body.members[:MAX_MEMBER_ROWS]
            # Short tables: reportlab splits a long table across pages in quadratic time.
            for start in range(0, len(seats), TABLE_CHUNK):
                parts.append(self._members_table(seats[start : start + TABLE_CHUNK], start == 0))
            hidden = len(body.members) - len(seats)
            if hidden:
                parts.append(
                    Paragraph(f"… and {hidden:,} more seats, listed in the chart file.", s["note"])
                )
        rels = self.chart.relationships_of(body.id)
        if rels:
            parts.append(Paragraph("Relationships", s["label"]))
            parts.extend(
                Paragraph(self._relationship(body, r), s["item"], bulletText="•") for r in rels
            )
        links = [(safe_url(link.url), link.label) for link in body.links]
        safe_links = [(url, label) for url, label in links if url]
        if safe_links:
            parts.append(Paragraph("Links", s["label"]))
            parts.extend(
                Paragraph(_link_markup(url, label), s["item"], bulletText="•")
                for url, label in safe_links
            )
        if body.sources:
            parts.append(Paragraph("Sources", s["label"]))
            parts.extend(
                Paragraph(_source_markup(src), s["item"], bulletText="•") for src in body.sources
            )
        if body.notes.strip():
            parts.append(Paragraph(f"<b>Note:</b> {para_text(body.notes[:MAX_FIELD])}", s["note"]))
        parts.append(Paragraph(f'<a href="#{self.back[body.id]}">View on chart</a>', s["note"]))
        parts.append(Spacer(1, 4))
        return lead, parts

    def _meta_line(self, body: Body) -> str:
        facts = [f"<b>{para_text(kind_name(body.kind))}</b>"]
        if one_line(body.short_name):
            facts.append(f"Short name: {para_text(one_line(body.short_name))}")
        aliases = [one_line(a) for a in body.aliases if one_line(a)]
        if aliases:
            facts.append(f"Also known as: {para_text('; '.join(aliases)[:MAX_FIELD])}")
        if body.valid_from and body.valid_to:
            facts.append(f"Existed {format_date(body.valid_from)} to {format_date(body.valid_to)}")
        elif body.valid_from:
            facts.append(f"Since {format_date(body.valid_from)}")
        elif body.valid_to:
            facts.append(f"Until {format_date(body.valid_to)}")
        return " · ".join(facts)

    def _members_table(self, members: Sequence[Member], header: bool) -> Table:
        s = self.styles
        rows = []
        if header:
            rows.append(
                [
                    Paragraph("Role", s["cellhead"]),
                    Paragraph("Held by", s["cellhead"]),
                    Paragraph("Nominated by", s["cellhead"]),
                ]
            )
        for m in members:
            # Cells are cut to a sane length: a table row taller than a page cannot be laid out.
            holder = shorten(one_line(m.holder)) or "Not recorded"
            rows.append(
                [
                    _p(shorten(one_line(m.role)), s["cell"]),
                    _p(holder, s["cell"]),
                    _p(shorten(one_line(m.nominated_by)), s["cell"]),
                ]
            )
        table = Table(
            rows,
            colWidths=["38%", "32%", "30%"],
            hAlign="LEFT",
            repeatRows=1 if header else 0,
            splitInRow=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), s["cell"].fontName, s["cell"].fontSize),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    *([("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE)] if header else []),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def _relationship(self, body: Body, rel: Relationship) -> str:
        verb = para_text(relation_kind(rel.kind).verb)
        if rel.source == body.id:
            sentence = f"{verb[:1].upper()}{verb[1:]} {self._link_to(rel.target)}"
        else:
            sentence = f"{self._link_to(rel.source)} {verb} this body"
        extras = [one_line(x) for x in (rel.label, rel.legal_basis) if one_line(x)]
        if extras:
            sentence += f" ({para_text('; '.join(extras)[:MAX_FIELD])})"
        return sentence + "."


def directory_flowables(
    chart: Chart, styles: dict[str, ParagraphStyle], on_chart: Collection[str]
) -> list[Flowable]:
    """The directory pages: sections with bookmarks, one entry per body.

    `on_chart` names the bodies that have a box on the chart (their "View on chart" link goes
    to the box; the others, hidden in a collapsed group, go to the chart page).
    """
    return _DirectoryWriter(chart, styles, on_chart).flowables()


def _link_markup(url: str, label: str) -> str:
    text = para_text(one_line(label)[:200] or url)
    shown = f"{text}: {para_text(url)}" if one_line(label) else text
    return f'<a href="{xml_attr(url)}" color="#005EB8">{shown}</a>'


def _source_markup(src: SourceRef) -> str:
    title = para_text(one_line(src.title)[:MAX_FIELD]) or "Source"
    url = safe_url(src.url)
    text = f'<a href="{xml_attr(url)}" color="#005EB8">{title}</a>' if url else title
    if url:
        text += f" ({para_text(url)})"
    if src.verified_on:
        text += f", verified {format_date(src.verified_on)}"
    return text
