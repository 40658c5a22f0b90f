"""A fresh Linux desktop without the libraries of Qt's X11 plugin: one sentence naming the
packages and exit code 1, never Qt's abort. The detection needs no display."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk_app.ui import display_check
from desk_app.ui.display_check import display_problem, missing_xcb_packages, uses_xcb

ROOT = Path(__file__).resolve().parents[2]
FRESH_DESKTOP_LACKS = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def fresh_desktop(library: str) -> object:
    """A loader as on a fresh Ubuntu desktop: everything but three libraries is there."""
    if library in FRESH_DESKTOP_LACKS:
        raise OSError(f"{library}: cannot open shared object file: No such file or directory")
    return object()


def complete_desktop(_library: str) -> object:
    return object()


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({}, "linux", True),  # Qt's default on Linux is xcb
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),  # Wayland first: it may well start
        ({"QT_QPA_PLATFORM": "xcb;wayland"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_whether_qt_will_use_its_x11_plugin(environ, platform, expected):
    assert uses_xcb(environ, platform) is expected


def test_the_missing_packages_are_named_in_order():
    assert missing_xcb_packages(fresh_desktop) == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert missing_xcb_packages(complete_desktop) == []


def test_a_fresh_desktop_gets_one_sentence_with_the_apt_command():
    problem = display_problem({"DISPLAY": ":0"}, "linux", fresh_desktop)
    assert problem is not None and "\n" not in problem
    assert problem.startswith("DutyDesk cannot open its window")
    assert problem.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")


def test_no_problem_where_nothing_is_missing_or_xcb_is_not_used():
    assert display_problem({"DISPLAY": ":0"}, "linux", complete_desktop) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", fresh_desktop) is None
    assert display_problem({}, "win32", fresh_desktop) is None


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=environ,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_run_gui_says_what_to_install_and_exits_non_zero_before_making_the_application():
    result = _python(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        from desk_app.ui import app
        app.display_problem = lambda: "DutyDesk cannot open its window: install them with: sudo apt install x"
        rc = app.run_gui("sqlite:///never-made.sqlite")
        assert QApplication.instance() is None
        sys.exit(rc)
        """,
        DISPLAY=":0",
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        "DutyDesk cannot open its window: install them with: sudo apt install x"
    ]
    assert not (ROOT / "never-made.sqlite").exists()


def test_qt_failing_to_start_its_platform_is_one_sentence_not_an_abort():
    """Whatever is missing on this machine (the libraries, an X server at :987, or the
    plugin itself off Linux), Qt's fatal message becomes the sentence and exit code 1."""
    result = _python(
        """
        from PySide6.QtWidgets import QApplication
        from desk_app.ui.display_check import QtFailureGuard
        with QtFailureGuard():
            app = QApplication([])
        print("a window could be made")
        """,
        QT_QPA_PLATFORM="xcb",
        DISPLAY=":987",
    )
    assert result.returncode == display_check.EXIT_NO_DISPLAY, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("DutyDesk cannot open its window"), result.stderr
