"""Entry point of ``desk-app`` and of the frozen DutyDesk executable."""

from __future__ import annotations

import sys

from desk_app.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
