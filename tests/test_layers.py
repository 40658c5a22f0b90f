"""The layers import strictly downward (docs/ARCHITECTURE.md): a module may import only
from its own layer and the layers below it. Read from the source, so an import inside a
function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desk_app"

# Each Qt-free layer and what it may import besides itself (desk_app.<name>). ``paths``
# (where the program's files are) is below everything.
MAY_IMPORT: dict[str, set[str]] = {
    "paths": set(),
    "domain": set(),
    "atomic_files": {"domain"},
    "roster": {"domain", "atomic_files"},
    "storage": {"domain", "atomic_files"},
    "services": {"domain", "atomic_files", "storage", "roster"},
    "printing": {"domain", "atomic_files", "storage", "services"},
}
# The shell above them, which may import anything: the window, the command line and the
# desk computer's own settings, secrets, mail and single-instance guard.
SHELL = {"ui", "cli", "smoke", "__main__", "local_settings", "mailer", "secrets", "single_instance"}


def _layer(module_path: Path) -> str:
    relative = module_path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imports(module_path: Path) -> set[str]:
    tree = ast.parse(module_path.read_text(encoding="utf-8"), str(module_path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "desk_app" and len(parts) > 1:
                found.add(parts[1])
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if _layer(p) in MAY_IMPORT and "migrations" not in p.parts)


@pytest.mark.parametrize("module_path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_its_layer_and_below(module_path):
    layer = _layer(module_path)
    allowed = MAY_IMPORT[layer] | {layer, "paths", "__version__"}
    # Importing desk_app itself (``from desk_app import atomic_files``) names the module.
    wrong = {name for name in _imports(module_path) if name not in allowed and name != "__init__"}
    assert not wrong, f"{module_path.relative_to(ROOT)} ({layer}) imports {sorted(wrong)}"


def test_every_module_has_a_layer():
    layers = {_layer(p) for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert layers <= set(MAY_IMPORT) | SHELL
