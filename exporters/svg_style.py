"""The <style> block and arrowhead <marker>s of the SVG: the designer's restyling hooks.

CSS rules per body kind, relationship kind and group kind, written from the theme. Rules beat
the presentation attributes on each element, so editing one rule restyles a whole kind. Only
class selectors and plain properties are used (librsvg supports nothing fancier reliably).
Per-body colour overrides from the file are validated '#RRGGBB' values (see
`resolve_body_style`) written as id rules, so a body keeps its own colour under the kind rule.
"""

from __future__ import annotations

from exporters.safe_text import safe_id
from exporters.shapes import ARROW_HALF_WIDTH, ARROW_LENGTH
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.theme import Theme, resolve_body_style


def css_block(chart: Chart, theme: Theme, font_stack: str) -> str:
    """The <style> element: one rule set per kind used in the chart."""
    rules: list[str] = [
        f"text {{ font-family: {font_stack}; }}",
        ".relation { fill: none; }",
    ]
    for kind in dict.fromkeys(b.kind for b in chart.bodies):
        style = theme.body_style(kind)
        k = safe_id(kind)
        weight = "bold" if style.bold else "normal"
        rules.append(
            f".kind-{k} rect, rect.kind-{k} {{ fill: {style.fill}; stroke: {style.stroke}; "
            f"stroke-width: {style.stroke_width:g}; }}"
        )
        rules.append(f".kind-{k} text {{ fill: {style.text}; font-weight: {weight}; }}")
    # Body overrides: ids are assigned in file order by the same rule as the <g> ids.
    taken: set[str] = set()
    for body in chart.bodies:
        gid = _unique(f"body-{safe_id(body.id)}", taken)
        if body.style:
            style = resolve_body_style(theme, body)
            base = theme.body_style(body.kind)
            if style != base:
                rules.append(f"#{gid} rect {{ fill: {style.fill}; stroke: {style.stroke}; }}")
                rules.append(f"#{gid} text {{ fill: {style.text}; }}")
    for kind in dict.fromkeys(r.kind for r in chart.relationships):
        rstyle = theme.relation_style(kind)
        rules.append(
            f".rel-{safe_id(kind)} {{ stroke: {rstyle.colour}; stroke-width: {rstyle.width:g}; }}"
        )
        rules.append(f".arrow-{safe_id(kind)} {{ fill: {rstyle.colour}; }}")
    for kind in dict.fromkeys(g.kind for g in chart.groups):
        fstyle = theme.frame_style(kind)
        k = safe_id(kind)
        rules.append(f".frame-{k} rect {{ fill: {fstyle.fill}; stroke: {fstyle.stroke}; }}")
        rules.append(f".frame-label-{k} rect {{ fill: {fstyle.fill}; }}")
        rules.append(f".frame-label-{k} text {{ fill: {fstyle.text}; font-weight: bold; }}")
    return '<style type="text/css">\n' + "\n".join(rules) + "\n</style>\n"


def _unique(candidate: str, taken: set[str]) -> str:
    base, k = candidate, 2
    while candidate in taken:
        candidate, k = f"{base}-{k}", k + 1
    taken.add(candidate)
    return candidate


def marker_defs(chart: Chart, theme: Theme) -> str:
    """One end and one start arrowhead marker per relationship kind, in the kind's colour.

    SVG 1.1 markers cannot inherit the line's colour (``context-stroke`` is SVG 2 and librsvg
    lacks it), so each kind gets its own. Markers are in user units so an arrow is the same
    size as in the PDF whatever the line width.
    """
    half = ARROW_LENGTH * ARROW_HALF_WIDTH
    size = f'markerWidth="{ARROW_LENGTH:g}" markerHeight="{2 * half:g}"'
    out = ["<defs>\n"]
    for kind in dict.fromkeys(r.kind for r in chart.relationships):
        rstyle = theme.relation_style(kind)
        if not (rstyle.arrow and relation_kind(kind).directed):
            continue
        k = safe_id(kind)
        box = f'viewBox="0 0 {ARROW_LENGTH:g} {2 * half:g}"'
        out.append(
            f'<marker id="arrow-{k}" {box} refX="{ARROW_LENGTH:g}" refY="{half:g}" {size} '
            f'markerUnits="userSpaceOnUse" orient="auto">'
            f'<path class="arrow-{k}" d="M0,0 L{ARROW_LENGTH:g},{half:g} L0,{2 * half:g} z" '
            f'fill="{rstyle.colour}"/></marker>\n'
        )
        out.append(
            f'<marker id="arrow-start-{k}" {box} refX="0" refY="{half:g}" {size} '
            f'markerUnits="userSpaceOnUse" orient="auto">'
            f'<path class="arrow-{k}" d="M{ARROW_LENGTH:g},0 L0,{half:g} '
            f'L{ARROW_LENGTH:g},{2 * half:g} z" fill="{rstyle.colour}"/></marker>\n'
        )
    out.append("</defs>\n")
    return "".join(out)
