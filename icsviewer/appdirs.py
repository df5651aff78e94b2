"""Where the app keeps settings-adjacent files: layout cache, recovery files, logs.

`ICSVIEWER_HOME` overrides the base folder (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_home() -> Path:
    override = os.environ.get("ICSVIEWER_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "ICS Viewer"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "ICS Viewer"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "icsviewer"


def _sub(name: str) -> Path:
    path = app_home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Layout cache."""
    return _sub("cache")


def recovery_dir() -> Path:
    """Autosaved copies of unsaved work."""
    return _sub("recovery")


def log_dir() -> Path:
    """Error logs and native crash dumps."""
    return _sub("logs")
