"""Languages of the window: which one, loading its translations, translating errors.

The language is stored in QSettings under ``ui/language`` ("zh_CN", the default, or
"en"). Simplified Chinese installs our ``dutydesk_zh_CN.qm`` and Qt's own ``qtbase``
translation (standard buttons, context menus, the file dialogs' "查找范围" and "文件类型");
English installs nothing, because every source string is English. Qt's catalogue comes
from Qt's translations folder (``QLibraryInfo``) when running from source, and from our
resources folder in the bundle, which copies it there (``qt_translation_files``, used by
build_spec.spec). A change takes effect at the next start: widgets read their
text once, when they are built.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desk_app.domain.errors import LIST_SEPARATOR, DeskError, Listed
from desk_app.domain.roles import Role
from desk_app.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
CHINESE = "zh_CN"
ENGLISH = "en"
DEFAULT_LANGUAGE = CHINESE
LANGUAGES = (CHINESE, ENGLISH)
CATALOG = "dutydesk"
QT_CATALOGS = ("qtbase",)  # Qt's own strings: dialogs, standard buttons, context menus
# What Qt's file dialogs ask in a context Qt's own Chinese catalogue does not have yet
# (QAbstractFileIconProvider, new in Qt 6: the type column's "Folder", "Drive"): our
# catalogue answers for them. Qt asks some with a disambiguation ("All other platforms");
# a translator falls back to the message without one.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)
# The name in title bars: the same in every language.
APP_TITLE = "DutyDesk 值班台"

# Translators stay referenced here: Qt does not own them, and a collected translator
# silently stops translating.
_installed: list[QTranslator] = []

# Parameters of a DeskError that are themselves translation sources.
_PARAM_CONTEXTS = {"field": "Field"}
_ROLE_PARAMS = {"role", "mine"}


def language() -> str:
    """The stored language, or the default when nothing (or nonsense) is stored."""
    value = QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(value: str) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}")
    settings = QSettings()
    settings.setValue(LANGUAGE_KEY, value)
    settings.sync()


def install_translators(app: QCoreApplication, lang: str | None = None) -> list[QTranslator]:
    """Install the translators for ``lang`` (default: the stored language).

    Replaces translators this function installed before. Returns what was installed.
    A missing catalogue is logged, not fatal: the window then shows English.
    """
    remove_translators(app)
    lang = lang or language()
    if lang == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    locale = QLocale(lang)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if ours.load(locale, CATALOG, "_", str(translations_dir())):
        _install(app, ours)
    else:
        log.warning("translation %s_%s not found in %s", CATALOG, lang, translations_dir())
    qt_dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(translations_dir())]
    for catalog in QT_CATALOGS:
        for directory in qt_dirs:
            qt_own = QTranslator(app)
            if qt_own.load(locale, catalog, "_", directory):
                _install(app, qt_own)
                break
        else:
            log.warning("Qt's %s_%s translation not found in %s", catalog, lang, qt_dirs)
    return list(_installed)


def qt_translation_files() -> list[Path]:
    """Qt's own catalogues for every language but English, in Qt's translations folder:
    what the bundle copies into its resources (build_spec.spec)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [folder / f"{catalog}_{lang}.qm" for lang in LANGUAGES if lang != ENGLISH for catalog in QT_CATALOGS]


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def field_label(field: str) -> str:
    """A field name from ``text_rules`` (context ``Field``) in the window's language."""
    return QCoreApplication.translate("Field", field)


def role_label(role: Role) -> str:
    return QCoreApplication.translate("Role", role.label)


def _param(key: str, value: Any) -> Any:
    if isinstance(value, Listed):
        return value.joined(QCoreApplication.translate("DeskError", LIST_SEPARATOR))
    context = _PARAM_CONTEXTS.get(key)
    if context is not None and isinstance(value, str):
        return QCoreApplication.translate(context, value)
    if key in _ROLE_PARAMS and isinstance(value, str) and value in {r.value for r in Role}:
        return role_label(Role(value))
    return value


def translate_error(exc: DeskError) -> str:
    """The error's message in the window's language, parameters filled in.

    Falls back to the English text when a translation's placeholders do not fit the
    parameters (a translator's typo must not hide the error).
    """
    template = QCoreApplication.translate("DeskError", exc.message)
    params = {key: _param(key, value) for key, value in exc.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        log.warning("translation of %r does not fit its parameters", exc.message)
        return exc.english()
