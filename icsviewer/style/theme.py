"""Themes: NHS identity (default), high contrast, and greyscale for printing.

Every consumer (canvas, PDF, SVG, PNG) asks `resolve_body_style` and `Theme.relation_style`,
so a colour is decided here once. Colours are '#RRGGBB' strings; dash patterns are in points.
Palette from the NHS identity guidelines (NHS Blue #005EB8, Dark Blue #003087, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from icsviewer.model.chart import Body
from icsviewer.style.contrast import is_hex_colour

FONT_FAMILY = "Liberation Sans"
# What SVG and other outside tools are told, so Arial is used where it exists.
FONT_STACK = "Arial, 'Liberation Sans', sans-serif"


@dataclass(frozen=True)
class BodyStyle:
    """How a body's box is drawn."""

    fill: str
    text: str
    stroke: str
    stroke_width: float = 1.0
    dash: tuple[float, ...] = ()
    corner_radius: float = 4.0
    bold: bool = False


@dataclass(frozen=True)
class RelationStyle:
    """How a relationship's line is drawn."""

    colour: str
    width: float = 1.0
    dash: tuple[float, ...] = ()
    arrow: bool = True


@dataclass(frozen=True)
class FrameStyle:
    """How a group's frame is drawn."""

    fill: str
    stroke: str
    text: str
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Theme:
    """A complete look: background, body styles by kind, relation styles by kind, frames."""

    name: str
    display_name: str
    background: str
    body_styles: dict[str, BodyStyle]
    relation_styles: dict[str, RelationStyle]
    frame_styles: dict[str, FrameStyle]
    default_body: BodyStyle
    default_relation: RelationStyle
    default_frame: FrameStyle
    dim_opacity: float = 0.18
    highlight: str = "#FFB81C"
    font_family: str = FONT_FAMILY
    notes: dict[str, str] = field(default_factory=dict)

    def body_style(self, kind: str) -> BodyStyle:
        return self.body_styles.get(kind, self.default_body)

    def relation_style(self, kind: str) -> RelationStyle:
        return self.relation_styles.get(kind, self.default_relation)

    def frame_style(self, group_kind: str) -> FrameStyle:
        return self.frame_styles.get(group_kind, self.default_frame)


def resolve_body_style(theme: Theme, body: Body) -> BodyStyle:
    """The body's kind style with the body's own overrides (fill, text, stroke) applied.

    Overrides that are not colours are ignored, so a hostile file cannot inject anything.
    """
    base = theme.body_style(body.kind)

    def override(key: str, default: str) -> str:
        value = body.style.get(key)
        return value if isinstance(value, str) and is_hex_colour(value) else default

    return replace(
        base,
        fill=override("fill", base.fill),
        text=override("text", base.text),
        stroke=override("stroke", base.stroke),
    )


# ----- NHS identity ----------------------------------------------------------------------------
NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_BRIGHT_BLUE = "#0072CE"
NHS_LIGHT_BLUE = "#41B6E6"
NHS_PALE_GREY = "#E8EDEE"
NHS_MID_GREY = "#768692"
NHS_DARK_GREY = "#425563"
NHS_BLACK = "#231F20"
NHS_DARK_GREEN = "#006747"
NHS_GREEN = "#009639"
NHS_LIGHT_GREEN = "#78BE20"
NHS_PURPLE = "#330072"
NHS_DARK_PINK = "#7C2855"
NHS_WARM_YELLOW = "#FFB81C"
WHITE = "#FFFFFF"

_NHS = Theme(
    name="nhs",
    display_name="NHS identity",
    background=WHITE,
    body_styles={
        "national_body": BodyStyle(NHS_DARK_BLUE, WHITE, NHS_DARK_BLUE, bold=True),
        "nhse_region": BodyStyle(NHS_BLUE, WHITE, NHS_DARK_BLUE),
        "icb": BodyStyle(NHS_BLUE, WHITE, NHS_DARK_BLUE, 2.0, bold=True),
        "icp": BodyStyle(NHS_PURPLE, WHITE, NHS_PURPLE, 2.0, bold=True),
        "scrutiny_committee": BodyStyle(NHS_DARK_PINK, WHITE, NHS_DARK_PINK),
        "committee": BodyStyle(NHS_DARK_GREY, WHITE, NHS_DARK_GREY),
        "local_authority": BodyStyle(NHS_DARK_GREEN, WHITE, NHS_DARK_GREEN),
        "hwb": BodyStyle("#E4F2D3", NHS_BLACK, NHS_DARK_GREEN),
        "place_partnership": BodyStyle(WHITE, NHS_BLACK, NHS_BLUE, 1.5),
        "provider_collaborative": BodyStyle(NHS_DARK_BLUE, WHITE, NHS_DARK_BLUE, bold=True),
        "nhs_trust": BodyStyle("#DCEBF7", NHS_BLACK, NHS_BLUE),
        "primary_care": BodyStyle("#D9F0FA", NHS_BLACK, NHS_LIGHT_BLUE),
        "vcse": BodyStyle("#FFF1D0", NHS_BLACK, NHS_WARM_YELLOW),
        "former_ccg": BodyStyle(NHS_PALE_GREY, NHS_DARK_GREY, NHS_MID_GREY, dash=(3.0, 2.0)),
    },
    relation_styles={
        "accountable_to": RelationStyle(NHS_DARK_BLUE, 1.6),
        "member_of": RelationStyle(NHS_BLUE, 1.0),
        "has_regard_to": RelationStyle(NHS_MID_GREY, 1.0, (1.0, 2.0)),
        "delegates_to": RelationStyle(NHS_DARK_GREEN, 1.2, (5.0, 3.0)),
        "agrees_objectives_with": RelationStyle(NHS_PURPLE, 1.0, (5.0, 3.0), arrow=False),
        "partners_with": RelationStyle(NHS_LIGHT_BLUE, 1.2, arrow=False),
        "scrutinises": RelationStyle(NHS_DARK_PINK, 1.2, (6.0, 2.0, 1.5, 2.0)),
        "hosts": RelationStyle(NHS_DARK_GREY, 1.0),
        "replaced_by": RelationStyle(NHS_MID_GREY, 1.0, (3.0, 3.0)),
    },
    frame_styles={
        "place": FrameStyle("#F3F6F7", "#AEB7BD", NHS_DARK_GREY),
        "collaborative": FrameStyle("#EEF4FB", "#8FB3DB", NHS_DARK_BLUE),
        "system": FrameStyle("#FFFFFF", NHS_BLUE, NHS_DARK_BLUE),
        "history": FrameStyle("#FAFAFA", "#C8CFD3", NHS_DARK_GREY, (3.0, 2.0)),
    },
    default_body=BodyStyle(WHITE, NHS_BLACK, NHS_DARK_GREY),
    default_relation=RelationStyle(NHS_DARK_GREY, 1.0),
    default_frame=FrameStyle("#F7F9FA", "#AEB7BD", NHS_DARK_GREY),
)

# ----- High contrast: black on white or white on black, thick strokes ---------------------------
_HC_DARK = BodyStyle("#000000", WHITE, "#000000", 2.0, bold=True)
_HC_LIGHT = BodyStyle(WHITE, "#000000", "#000000", 2.5, bold=True)
_HIGH_CONTRAST = Theme(
    name="high_contrast",
    display_name="High contrast",
    background=WHITE,
    body_styles={
        **dict.fromkeys(("national_body", "icb", "icp", "provider_collaborative"), _HC_DARK),
        **dict.fromkeys(
            (
                "nhse_region",
                "local_authority",
                "hwb",
                "place_partnership",
                "nhs_trust",
                "primary_care",
                "vcse",
                "committee",
                "scrutiny_committee",
            ),
            _HC_LIGHT,
        ),
        "former_ccg": BodyStyle(WHITE, "#000000", "#000000", 2.0, (4.0, 2.0), bold=True),
    },
    relation_styles={
        "accountable_to": RelationStyle("#000000", 2.4),
        "member_of": RelationStyle("#000000", 1.6),
        "has_regard_to": RelationStyle("#000000", 1.6, (1.5, 2.5)),
        "delegates_to": RelationStyle("#000000", 1.8, (6.0, 3.0)),
        "agrees_objectives_with": RelationStyle("#000000", 1.6, (6.0, 3.0), arrow=False),
        "partners_with": RelationStyle("#000000", 1.6, arrow=False),
        "scrutinises": RelationStyle("#000000", 1.8, (7.0, 2.5, 2.0, 2.5)),
        "hosts": RelationStyle("#000000", 1.6),
        "replaced_by": RelationStyle("#000000", 1.6, (3.0, 3.0)),
    },
    frame_styles={},
    default_body=_HC_LIGHT,
    default_relation=RelationStyle("#000000", 1.6),
    default_frame=FrameStyle(WHITE, "#000000", "#000000"),
    dim_opacity=0.25,
    highlight="#000000",
)


def _grey(style: BodyStyle, fill: str, text: str) -> BodyStyle:
    return replace(style, fill=fill, text=text, stroke="#333333")


# ----- Greyscale for printing: shades that survive a mono laser printer -------------------------
_GREYSCALE = Theme(
    name="greyscale",
    display_name="Greyscale (print)",
    background=WHITE,
    body_styles={
        kind: _grey(style, *shade)
        for kind, style, shade in [
            (k, _NHS.body_styles[k], s)
            for k, s in {
                "national_body": ("#262626", WHITE),
                "nhse_region": ("#4D4D4D", WHITE),
                "icb": ("#333333", WHITE),
                "icp": ("#595959", WHITE),
                "scrutiny_committee": ("#5E5E5E", WHITE),
                "committee": ("#666666", WHITE),
                "local_authority": ("#4A4A4A", WHITE),
                "hwb": ("#E6E6E6", "#000000"),
                "place_partnership": (WHITE, "#000000"),
                "provider_collaborative": ("#3D3D3D", WHITE),
                "nhs_trust": ("#F0F0F0", "#000000"),
                "primary_care": ("#DDDDDD", "#000000"),
                "vcse": ("#D0D0D0", "#000000"),
                "former_ccg": ("#F5F5F5", "#333333"),
            }.items()
        ]
    },
    relation_styles={k: replace(s, colour="#333333") for k, s in _NHS.relation_styles.items()},
    frame_styles={
        "place": FrameStyle("#F5F5F5", "#9A9A9A", "#333333"),
        "collaborative": FrameStyle("#F0F0F0", "#8A8A8A", "#222222"),
        "system": FrameStyle(WHITE, "#555555", "#222222"),
        "history": FrameStyle("#FAFAFA", "#B0B0B0", "#333333", (3.0, 2.0)),
    },
    default_body=BodyStyle(WHITE, "#000000", "#333333"),
    default_relation=RelationStyle("#333333", 1.0),
    default_frame=FrameStyle("#F7F7F7", "#9A9A9A", "#333333"),
    highlight="#000000",
)

THEMES: dict[str, Theme] = {t.name: t for t in (_NHS, _HIGH_CONTRAST, _GREYSCALE)}
DEFAULT_THEME = "nhs"


def get_theme(name: str) -> Theme:
    """The theme called `name`; KeyError naming the choices if there is none."""
    try:
        return THEMES[name]
    except KeyError:
        raise KeyError(f"unknown theme {name!r}; choose one of: {', '.join(THEMES)}") from None
