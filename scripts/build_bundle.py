"""Build the one-folder DutyDesk bundle with PyInstaller, then smoke-test it.

    uv run python scripts/build_bundle.py              # dist/DutyDesk/, then the smoke test
    uv run python scripts/build_bundle.py --no-smoke   # build only

The smoke test runs the bundled program itself (``DutyDesk smoke-test``) offscreen, with
a fresh home folder, so nothing from the build machine's Python or settings can help it:
start, a new demo database (migrations, holidays, the roster solver), sign in, each tab,
one log page printed to PDF and read back, quit. Works on Linux and on Windows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk_app import __version__  # noqa: E402

VERSION_INFO = """\
VSVersionInfo(
  ffi=FixedFileInfo(filevers=({v}, 0), prodvers=({v}, 0), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'DutyDesk'),
      StringStruct('FileDescription', 'DutyDesk 值班台'),
      StringStruct('FileVersion', '{dotted}'),
      StringStruct('InternalName', 'DutyDesk'),
      StringStruct('OriginalFilename', 'DutyDesk.exe'),
      StringStruct('ProductName', 'DutyDesk 值班台'),
      StringStruct('ProductVersion', '{dotted}')])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_info() -> Path:
    parts = [int(p) for p in __version__.split(".")[:3]]
    parts += [0] * (3 - len(parts))
    path = ROOT / "build" / "version_info.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        VERSION_INFO.format(v=", ".join(str(p) for p in parts), dotted=".".join(str(p) for p in parts) + ".0"),
        encoding="utf-8",
    )
    return path


def build() -> Path:
    write_version_info()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "build_spec.spec"],
        cwd=ROOT,
        check=True,
    )
    return ROOT / "dist" / "DutyDesk"


def smoke_test(bundle: Path) -> int:
    program = bundle / ("DutyDesk.exe" if os.name == "nt" else "DutyDesk")
    if not program.exists():
        print(f"no program at {program}")
        return 1
    with tempfile.TemporaryDirectory(prefix="dutydesk-smoke-") as scratch:
        home = Path(scratch) / "home"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "USERPROFILE": str(home),
            "APPDATA": str(home / "AppData"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "PYTHONPATH": "",  # nothing from the build machine's Python
        }
        database = Path(scratch) / "smoke.sqlite"
        pdf = Path(scratch) / "smoke.pdf"
        result = subprocess.run(
            [str(program), "smoke-test", "--db", "sqlite:///" + database.as_posix(), "-o", str(pdf)],
            env=env,
            cwd=scratch,  # not the source tree: the bundle must find everything itself
            timeout=600,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        print(result.stdout)
        if result.returncode != 0:
            print(result.stderr[-4000:])
        return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-smoke", action="store_true")
    args = parser.parse_args()
    for stale in (ROOT / "dist" / "DutyDesk",):
        shutil.rmtree(stale, ignore_errors=True)
    bundle = build()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built {bundle} ({size / 1e6:.0f} MB)")
    return 0 if args.no_smoke else smoke_test(bundle)


if __name__ == "__main__":
    raise SystemExit(main())
