"""argparse's own words ("usage:", "options", its error messages) in the UI language.

argparse looks each of them up when it prints, through the module-level names ``_`` and ``ngettext`` it
imports from :mod:`gettext` (``from gettext import gettext as _, ngettext`` in Python 3.11 to 3.13).
:func:`argparse_in_ui_language` points those two names at our catalogue while the command line is built
and read, so the words follow ``ui_language`` like every other message.

Why not gettext's own switch (``gettext.textdomain``), the way Python's argparse how-to suggests? It picks
the language from the locale variables only, so ``ui_language = "ko"`` under ``LANG=C`` (or ``"en"`` under
a Korean locale) could not win, and it changes every ``gettext.gettext`` of the process for good.

The messages below are argparse's msgids, verbatim: they are not in our sources, so without this list the
catalogue's extraction (``python -m noticetui.locale_tools update``) would drop their Korean. Only the
words a user of ``noticetui`` can meet are listed (not argparse's errors about a badly built parser, nor
those of features we do not use: FileType, deprecation, ArgumentDefaultsHelpFormatter);
``tests/integration/test_cli_korean_words.py`` checks that each one is still a message argparse looks up.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from noticetui import i18n
from noticetui.i18n import N_, N_plural

MESSAGES = (
    # the help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    # errors
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)
"""argparse's messages, as it writes them (``%`` placeholders, which the Korean keeps)."""
PLURAL_MESSAGES = (N_plural("expected %s argument", "expected %s arguments"),)
"""argparse's messages with a plural form (looked up through ``ngettext``)."""


@contextlib.contextmanager
def argparse_in_ui_language() -> Iterator[None]:
    """argparse's own words in the UI language (:func:`noticetui.i18n.set_language`) within the block.

    Only for the block: other users of argparse in the same process (a test runner) keep theirs.  The
    parser must also be *built* within it: argparse translates "options" and the ``-h`` help then.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = i18n._, i18n.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
