"""The business rules, storage and services import with Qt unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QT_FREE_PACKAGES = [
    "desk_app.paths",
    "desk_app.atomic_files",
    "desk_app.domain",
    "desk_app.storage",
    "desk_app.services",
    "desk_app.printing",
    "desk_app.roster",
]

SCRIPT = textwrap.dedent(
    """
    import importlib
    import importlib.util
    import pkgutil
    import sys

    BLOCKED = ("PySide6", "shiboken6")

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked: this module must not need Qt")
            return None

    sys.meta_path.insert(0, BlockQt())
    try:
        import PySide6  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("the blocker does not work")

    imported = []
    for package_name in PACKAGES:
        if importlib.util.find_spec(package_name) is None:
            continue
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for info in pkgutil.walk_packages(getattr(package, "__path__", ()), package_name + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    assert not leaked, leaked
    print("\\n".join(imported))
    """
)


def test_core_modules_import_without_qt() -> None:
    script = f"PACKAGES = {QT_FREE_PACKAGES!r}\n{SCRIPT}"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    for module in (
        "desk_app.domain.shifts",
        "desk_app.domain.textsearch",
        "desk_app.storage.database",
        "desk_app.storage.models",
        "desk_app.services.log",
        "desk_app.services.accounts",
        "desk_app.services.container",
    ):
        assert module in imported


def test_the_blocker_catches_a_qt_import(tmp_path: Path) -> None:
    """The check can fail: a module that imports Qt is reported."""
    package = tmp_path / "qtleak"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "widget.py").write_text("from PySide6.QtWidgets import QWidget\n")
    script = f"import sys; sys.path.insert(0, {str(tmp_path)!r})\nPACKAGES = ['qtleak']\n{SCRIPT}"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "PySide6" in result.stderr and "blocked" in result.stderr
