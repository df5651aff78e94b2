"""Where the project's bundled files live (fonts, schema, the flagship chart).

The product keeps `resources/` and `data/` at the top of the repository, beside the package,
so the app is run from a checkout or an editable install (`pip install -e .`).
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
DATA = PROJECT_ROOT / "data"
FONTS = RESOURCES / "fonts"
SCHEMA = RESOURCES / "schema"

FONT_REGULAR = FONTS / "LiberationSans-Regular.ttf"
FONT_BOLD = FONTS / "LiberationSans-Bold.ttf"
FONT_ITALIC = FONTS / "LiberationSans-Italic.ttf"

FLAGSHIP_CHART = DATA / "cheshire_and_merseyside.yaml"
TEMPLATE_CHART = DATA / "template.yaml"
