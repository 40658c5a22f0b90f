"""Before the window: can Qt open one on this Linux desktop?

Qt's X11 platform plugin (xcb) needs system libraries that a fresh desktop often lacks
(``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``). Without them Qt prints a few
lines about plugins and aborts. ``display_problem`` looks for those libraries before the
QApplication is made and returns one sentence naming the packages to install;
``QtFailureGuard`` catches Qt's own fatal message about the platform plugin, should
something else be missing, and ends the program with a sentence instead of an abort.

Nothing here needs a display, so it is tested without one (``load`` is injectable).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

EXIT_NO_DISPLAY = 1

# The libraries Qt 6's xcb plugin (libqxcb.so, libQt6XcbQpa.so.6) links, and the Debian /
# Ubuntu package of each. Those a fresh desktop lacks come first.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb.so.1": "libxcb1",
}

Loader = Callable[[str], object]


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will try its X11 plugin first: on Linux, when QT_QPA_PLATFORM names xcb
    first, or names nothing on a desktop that is not a Wayland session. (xcb as a fallback
    after another plugin is left to Qt: the first may well start; if neither does, Qt's own
    failure is turned into the same sentence.)"""
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_packages(load: Loader = ctypes.CDLL) -> list[str]:
    """The packages whose library cannot be loaded, in ``XCB_LIBRARIES``' order."""
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def install_sentence(packages: list[str]) -> str:
    return (
        "DutyDesk cannot open its window: Qt's X11 platform plugin (xcb) needs system libraries "
        f"that are not installed; install them with: sudo apt install {' '.join(packages)}"
    )


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None, load: Loader = ctypes.CDLL
) -> str | None:
    """One sentence saying what to install before the window can start, or None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if getattr(sys, "frozen", False):
        return None  # a bundle may carry the libraries itself: the guard below still watches
    if not uses_xcb(environ, platform):
        return None
    missing = missing_xcb_packages(load)
    return install_sentence(missing) if missing else None


def platform_failure_sentence(qt_message: str, load: Loader = ctypes.CDLL) -> str:
    """What to say when Qt reports that no platform plugin could be started."""
    missing = missing_xcb_packages(load) if sys.platform.startswith("linux") else []
    if missing:
        return install_sentence(missing)
    first_line = qt_message.strip().splitlines()[0] if qt_message.strip() else ""
    return (
        "DutyDesk cannot open its window: Qt could not start a display platform "
        f"(is a desktop running, and DISPLAY or WAYLAND_DISPLAY set?): {first_line}"
    )


def is_platform_failure(message: str) -> bool:
    lowered = message.lower()
    return "platform plugin" in lowered or "could not connect to display" in lowered


class QtFailureGuard:
    """While the QApplication is being made: Qt's fatal message about its platform plugin
    becomes one sentence on stderr and exit code 1 (Qt would abort the process). Qt's
    other messages meanwhile are held back, and passed on once the application exists,
    so that a failure prints the sentence alone."""

    def __init__(self, exit_fn: Callable[[int], object] = os._exit) -> None:
        self._exit = exit_fn
        self._previous: object = None
        self.held: list[tuple[object, object, str]] = []

    def __enter__(self) -> QtFailureGuard:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous)
        held, self.held = self.held, []
        for mode, context, message in held:
            self._pass_on(mode, context, message)

    def _handle(self, mode: object, context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if mode == QtMsgType.QtFatalMsg and is_platform_failure(message):
            sys.stderr.write(platform_failure_sentence(message) + "\n")
            sys.stderr.flush()
            self._exit(EXIT_NO_DISPLAY)
            return
        self.held.append((mode, context, message))
        if mode == QtMsgType.QtFatalMsg:  # another fatal error: Qt aborts next, say all now
            held, self.held = self.held, []
            for entry in held:
                self._pass_on(*entry)

    def _pass_on(self, mode: object, context: object, message: str) -> None:
        previous = self._previous
        if callable(previous):
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")
