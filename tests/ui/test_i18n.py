"""Translations: the committed .qm is what lrelease makes of the committed .ts, the .ts
holds every string of the code, and installed translations reach the screen.

The checks on Chinese text hold for whatever is translated in the .ts at the time, so
they keep working as translations are added.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desk_app.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from desk_app.domain.text_rules import FIELD_DESK_NAME
from desk_app.paths import translations_dir
from desk_app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "dutydesk_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "dutydesk_zh_CN.qm"
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)")


def _load_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # "", "unfinished", "vanished", "obsolete"


def ts_messages(path: Path = TS) -> list[Message]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            found.append(Message(name, message.findtext("source") or "", element.text or "", element.get("type", "")))
    return found


def translated(messages: list[Message]) -> list[Message]:
    """What lrelease puts into the .qm: live messages with a translation typed in."""
    return [m for m in messages if m.translation and m.kind in ("", "unfinished")]


@pytest.fixture(autouse=True)
def restore_locale():
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def chinese(qapp):
    installed = i18n.install_translators(qapp, "zh_CN")
    yield installed
    i18n.remove_translators(qapp)


@pytest.fixture
def custom_translation(qapp, tmp_path):
    """Install a translation made for the test from (context, source, translation) rows."""
    made: list[QTranslator] = []

    def install(rows: list[tuple[str, str, str]]) -> None:
        contexts: dict[str, list[tuple[str, str]]] = {}
        for context, source, text in rows:
            contexts.setdefault(context, []).append((source, text))
        root = ET.Element("TS", version="2.1", language="zh_CN")
        for name, pairs in contexts.items():
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
            for source, text in pairs:
                message = ET.SubElement(ctx, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation").text = text
        ts = tmp_path / "test_zh_CN.ts"
        ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
        qm = tmp_path / "test_zh_CN.qm"
        _load_script().release(ts, qm)
        translator = QTranslator()
        assert translator.load(str(qm))
        qapp.installTranslator(translator)
        made.append(translator)

    yield install
    for translator in made:
        qapp.removeTranslator(translator)


# -- the files ---------------------------------------------------------------------------
def test_committed_qm_is_what_lrelease_makes_of_the_committed_ts(tmp_path):
    fresh = tmp_path / "dutydesk_zh_CN.qm"
    _load_script().release(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), "run: uv run python scripts/update_translations.py --release"


def test_the_qm_is_where_the_program_looks():
    assert (translations_dir() / QM.name).is_file()


class _Finder(ast.NodeVisitor):
    """Every (context, source) the code marks for translation, found independently of
    lupdate; and the calls lupdate cannot read (a source that is not a literal)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()
        self.unreadable: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
        ):
            self._add(self.classes[-1] if self.classes else "", node.args[0] if node.args else None, node)
        elif (isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP") or (
            isinstance(func, ast.Attribute) and func.attr == "translate"
        ):
            context = node.args[0] if node.args else None
            source = node.args[1] if len(node.args) > 1 else None
            # translate(context, variable) is how translate_error works: fine when the
            # variable's texts are marked elsewhere.
            if _literal(context) is not None and (_literal(source) is not None or isinstance(source, ast.JoinedStr)):
                self._add(_literal(context) or "", source, node)
        self.generic_visit(node)

    def _add(self, context: str, source: ast.AST | None, node: ast.Call) -> None:
        text = _literal(source)
        if text is None:
            self.unreadable.append(f"{self.path.relative_to(ROOT)}:{node.lineno}")
        else:
            self.found.add((context, text))


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _code_messages() -> tuple[set[tuple[str, str]], list[str]]:
    found: set[tuple[str, str]] = set()
    unreadable: list[str] = []
    for path in sorted((ROOT / "desk_app").rglob("*.py")):
        finder = _Finder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        found |= finder.found
        unreadable += finder.unreadable
    return found, unreadable


def test_tr_is_given_literal_english_text():
    """lupdate reads the source as text: tr(VARIABLE) or tr(f"...") is never translated.
    Mark constants with QT_TRANSLATE_NOOP and translate them with QCoreApplication.translate."""
    _found, unreadable = _code_messages()
    assert not unreadable, f"tr() needs a literal English text (no f-string, no variable): {unreadable}"


def test_the_ts_holds_every_string_of_the_code():
    in_code, _unreadable = _code_messages()
    live = {(m.context, m.source) for m in ts_messages() if m.kind not in ("vanished", "obsolete")}
    missing = sorted(in_code - live)
    assert not missing, (
        f"{len(missing)} strings are not in {TS.name}; run: uv run python scripts/update_translations.py\n"
        + "\n".join(f"  {c}: {s}" for c, s in missing[:20])
    )


def test_translations_keep_the_placeholders_of_their_source():
    wrong = [
        (m.context, m.source, m.translation)
        for m in translated(ts_messages())
        if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))
    ]
    assert not wrong, wrong


# -- on screen -----------------------------------------------------------------------------
def test_chinese_translations_reach_the_program(chinese):
    assert len(chinese) == 2, "ours and Qt's qtbase"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase
    done = translated(ts_messages())
    # The pipeline is proven on at least one string; the lead fills the rest.
    assert done, f"no message in {TS.name} is translated yet"
    for message in done:
        assert QCoreApplication.translate(message.context, message.source) == message.translation, message


def test_a_desk_error_is_shown_in_chinese(chinese):
    exc = AuthenticationError("Wrong user name or password.")
    expected = {(m.context, m.source): m.translation for m in translated(ts_messages())}
    translation = expected.get(("DeskError", exc.message))
    assert translation, "the pipeline check string lost its translation"
    assert i18n.translate_error(exc) == translation
    assert any(ch >= "\u4e00" for ch in translation)


def test_a_listed_parameter_is_joined_in_the_windows_language(chinese):
    from desk_app.services.handover import IncidentInProgress, IncidentsInProgress

    exc = IncidentsInProgress([IncidentInProgress(1, "电梯困人"), IncidentInProgress(2, "停电")])
    assert "#1 电梯困人; #2 停电" in exc.english()  # the English message, and the command line's
    assert "#1 电梯困人；#2 停电" in i18n.translate_error(exc)


def test_english_installs_no_translator(qapp):
    assert i18n.install_translators(qapp, "en") == []
    assert i18n.translate_error(AuthenticationError("Wrong user name or password.")) == "Wrong user name or password."


def test_translate_error_translates_field_names_and_roles(custom_translation):
    custom_translation(
        [
            ("DeskError", "{field} must not be empty.", "{field}不能为空。"),
            ("Field", FIELD_DESK_NAME, "值班台名称"),
            ("DeskError", "This needs the role {role}; you are signed in as {mine}.", "需要{role}权限；您是{mine}。"),
            ("Role", "Supervisor", "客服主管"),
            ("Role", "Duty clerk", "值班员"),
        ]
    )
    empty = ValidationError("{field} must not be empty.", field=FIELD_DESK_NAME)
    assert i18n.translate_error(empty) == "值班台名称不能为空。"
    denied = PermissionDenied(
        "This needs the role {role}; you are signed in as {mine}.", role="supervisor", mine="clerk"
    )
    assert i18n.translate_error(denied) == "需要客服主管权限；您是值班员。"


def test_a_broken_translation_falls_back_to_english(custom_translation):
    custom_translation([("DeskError", "A password needs at least {n} characters.", "密码至少需要{count}个字符。")])
    exc = ValidationError("A password needs at least {n} characters.", n=8)
    assert i18n.translate_error(exc) == "A password needs at least 8 characters."


def test_language_setting(qapp):
    assert i18n.language() == "zh_CN"  # the default
    i18n.set_language("en")
    assert i18n.language() == "en"
    with pytest.raises(ValueError):
        i18n.set_language("fr")
    from PySide6.QtCore import QSettings

    QSettings().setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.language() == "zh_CN"
