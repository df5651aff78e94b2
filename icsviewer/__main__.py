"""Allows `python -m icsviewer`, the same as the `icsviewer` console script."""

import sys

from icsviewer.cli import main

sys.exit(main())
