"""Opening a saved file (or a folder) with the system's application, as a file manager would.

The program runs detached: no shell (the path is one argument, whatever characters it holds), its own
session (a Ctrl-C in the terminal does not reach it), no stdin, stdout or stderr shared with the TUI (a
chatty ``xdg-open`` would draw over the screen), and nobody waits for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from noticetui.i18n import _

PLACEHOLDER = "{path}"


def open_argv(path: Path, command: Sequence[str] = (), platform: str = sys.platform) -> list[str] | None:
    """The argv that opens ``path``: ``command`` (``{path}`` replaced, else the path appended) when given,
    else the system's opener; None on Windows, where the shell's file association opens it."""
    if command:
        if any(PLACEHOLDER in arg for arg in command):
            return [arg.replace(PLACEHOLDER, str(path)) for arg in command]
        return [*command, str(path)]
    if platform == "darwin":
        return ["open", str(path)]
    if platform.startswith("win"):
        return None
    return ["xdg-open", str(path)]


def launch(path: Path, command: Sequence[str] = ()) -> str | None:
    """Open ``path`` in the background; None when the program started, else one line saying why not."""
    argv = open_argv(path, command)
    if argv is None:
        try:
            os.startfile(path)  # type: ignore[attr-defined,unused-ignore]  # Windows only
        except OSError as exc:
            return _("cannot open {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        return None
    if shutil.which(argv[0]) is None:
        message = _("no program {program!r} to open files with (set open_command in [settings]); the file is {path}")
        return message.format(program=argv[0], path=path)
    try:
        # An argv list (from the user's own config or the system opener), never a shell.
        subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError as exc:
        message = _("{program} could not be started ({reason}); the file is {path}")
        return message.format(program=argv[0], reason=exc.strerror or exc, path=path)
    return None
