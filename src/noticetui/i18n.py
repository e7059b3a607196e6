"""The UI language: one message catalogue (gettext) for every label, message and error.

Strings shown to the user are written in English in the code and wrapped in :func:`_` (or marked with
:func:`N_` where they are declared before the language is known, and translated where they are shown).
:func:`set_language` picks the catalogue once, from ``ui_language`` (``auto``, ``ko``, ``en``).
"""

from __future__ import annotations

import gettext

DOMAIN = "noticetui"

_translations: gettext.NullTranslations = gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (it is translated where shown)."""
    return message


def _(message: str) -> str:
    """``message`` in the UI language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the UI language."""
    return _translations.ngettext(singular, plural, n)


def set_translations(translations: gettext.NullTranslations) -> None:
    """Use ``translations`` from now on (the language module fills them from the catalogue)."""
    global _translations
    _translations = translations
