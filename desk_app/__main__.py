"""Entry point of ``desk-app`` and of the frozen DutyDesk executable."""

from __future__ import annotations

import sys

from desk_app.cli import main as cli_main


def _attach_console() -> None:
    """The installed DutyDesk.exe is a windowed program (no console window of its own).
    Started with a command from cmd or PowerShell (``DutyDesk.exe backup``), it writes to
    the console it was started from, so the command line works from the installed copy."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False) or len(sys.argv) < 2:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115


def main() -> None:
    _attach_console()
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
