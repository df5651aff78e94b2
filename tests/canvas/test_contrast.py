"""WCAG AA: every theme's label colour on every box colour has a contrast of at least 4.5:1."""

from __future__ import annotations

import pytest

from icsviewer.model.kinds import BODY_KINDS
from icsviewer.style.contrast import contrast_ratio
from icsviewer.style.theme import THEMES

CASES = [(t, k) for t in THEMES for k in BODY_KINDS]


@pytest.mark.parametrize(("theme_name", "kind"), CASES)
def test_body_text_meets_wcag_aa(theme_name: str, kind: str) -> None:
    style = THEMES[theme_name].body_style(kind)
    assert contrast_ratio(style.text, style.fill) >= 4.5, (theme_name, kind, style)


@pytest.mark.parametrize("theme_name", list(THEMES))
def test_group_names_meet_wcag_aa_on_their_frames(theme_name: str) -> None:
    theme = THEMES[theme_name]
    frames = [*theme.frame_styles.values(), theme.default_frame]
    for frame in frames:
        assert contrast_ratio(frame.text, frame.fill) >= 4.5, (theme_name, frame)
