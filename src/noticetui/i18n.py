"""The UI language: one message catalogue (gettext) for every label, message and error.

Strings shown to the user are written in English in the code and wrapped in :func:`_` (or marked with
:func:`N_` where they are declared before the language is known, and translated where they are shown).
:func:`set_language` picks the catalogue once, from ``ui_language`` (``auto``, ``ko``, ``en``).

The catalogue lives in ``noticetui/locale/<lang>/LC_MESSAGES/noticetui.mo`` (compiled from the ``.po``
next to it by ``python -m noticetui.locale_tools update``, and committed so that a plain install has it).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "noticetui"
LOCALE_DIR = Path(__file__).parent / "locale"
"""Where the compiled catalogues are (package data)."""
LANGUAGES = ("en", "ko")
"""The UI languages: English is the code's own, Korean comes from the catalogue."""
CHOICES = ("auto", *LANGUAGES)
"""What ``[settings] ui_language`` accepts."""

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (it is translated where shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form for the catalogue, as :func:`N_` does (shown with :func:`ngettext`)."""
    return singular, plural


def _(message: str) -> str:
    """``message`` in the UI language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the UI language."""
    return _translations.ngettext(singular, plural, n)


def set_translations(translations: gettext.NullTranslations) -> None:
    """Use ``translations`` from now on (:func:`set_language` fills them from the catalogue)."""
    global _translations
    _translations = translations


def language() -> str:
    """The UI language in use: ``en`` or ``ko``."""
    return _language


def resolve_language(choice: str, environ: Mapping[str, str] | None = None) -> str:
    """``ko`` or ``en`` for a ``ui_language`` of ``choice``.

    ``auto`` follows the locale the way gettext does: the first non-empty of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` decides, Korean when it starts with ``ko`` (``ko_KR.UTF-8``), English otherwise.
    """
    if choice in LANGUAGES:
        return choice
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    return "ko" if locale.lower().startswith("ko") else "en"


def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang`` (English: the code's own strings)."""
    if lang == "en":
        return gettext.NullTranslations()
    # fallback: a broken install shows English rather than failing to start.
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def set_language(choice: str, environ: Mapping[str, str] | None = None) -> str:
    """Show the UI in the language ``choice`` (``auto``, ``ko`` or ``en``) from now on; returns it resolved."""
    global _language
    lang = resolve_language(choice, environ)
    set_translations(catalogue(lang))
    _language = lang
    return lang
