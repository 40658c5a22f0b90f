"""Update the Chinese translation from the source code, then compile it.

    uv run python scripts/update_translations.py            # lupdate + lrelease
    uv run python scripts/update_translations.py --release  # lrelease only (after editing the .ts)
    uv run python scripts/update_translations.py --drop-obsolete

``pyside6-lupdate`` reads every ``desk_app/**/*.py`` as text: ``self.tr("...")`` in
widgets (context: the class name), ``QCoreApplication.translate("Context", "...")``, and
``QT_TRANSLATE_NOOP("Context", "...")`` in the Qt-free modules. It merges what it finds
into ``resources/i18n/dutydesk_zh_CN.ts``, keeping every translation already there
(messages no longer in the code are kept as "vanished" unless ``--drop-obsolete``).
Translate in Qt Linguist (``uv run pyside6-linguist resources/i18n/dutydesk_zh_CN.ts``)
or in the XML, then run this again: ``pyside6-lrelease`` writes the ``.qm`` the program
loads, next to the ``.ts``. Both files are committed; a test checks that they agree.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desk_app"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def ts_file(lang: str) -> Path:
    return I18N / f"dutydesk_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"dutydesk_{lang}.qm"


def tool(name: str) -> str:
    """A Qt tool from the virtual environment running this script, else from PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with the project's environment (uv run ...)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def extract(ts: Path, *, drop_obsolete: bool = False, lang: str = "zh_CN") -> None:
    """Merge the source strings into ``ts`` (created if missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # A list file: the command line of Windows is too short for every source path.
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
        command = [
            tool("pyside6-lupdate"),
            f"@{listing}",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-ts",
            str(ts),
        ]
        if drop_obsolete:
            command.insert(2, "-no-obsolete")
        subprocess.run(command, check=True, cwd=ROOT)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` to ``qm`` (the same options everywhere, so the output is reproducible)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="only compile the .ts files to .qm")
    parser.add_argument("--drop-obsolete", action="store_true", help="forget messages no longer in the code")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        if not args.release:
            extract(ts_file(lang), drop_obsolete=args.drop_obsolete, lang=lang)
        release(ts_file(lang), qm_file(lang))
        print(f"{qm_file(lang).relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
