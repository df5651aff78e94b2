"""Check, before Qt starts, that a Linux machine has the X11 libraries Qt's xcb plugin needs.

Without them Qt aborts with "Could not load the Qt platform plugin xcb", which tells a user
nothing about what to install. This prints the exact apt-get line instead. Imports no Qt.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# (library soname stem for ctypes.util.find_library, Debian package)
REQUIRED_X11_LIBS = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)


def missing_x11_packages() -> list[str]:
    """Debian packages whose libraries cannot be found; empty when all are present."""
    return [pkg for lib, pkg in REQUIRED_X11_LIBS if ctypes.util.find_library(lib) is None]


def needs_x11() -> bool:
    """Whether Qt will use the xcb platform plugin here."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False
    return bool(os.environ.get("DISPLAY")) or not os.environ.get("WAYLAND_DISPLAY")


def install_hint(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def check() -> str | None:
    """A message for the user if the machine cannot show a window, else None."""
    if not needs_x11():
        return None
    missing = missing_x11_packages()
    if missing:
        return (
            "ICS Viewer needs some X11 libraries that Qt uses to open a window on Linux.\n"
            f"Install them with:\n\n    {install_hint(missing)}\n"
        )
    return None


def main() -> int:
    message = check()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
