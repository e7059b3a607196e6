"""Announcing watched posts by running a command: ``notify-send`` or the user's ``notify_command``.

The post's title and URL are two more arguments of that command, run without a shell: nothing a site
puts in a title can become a shell word, an option or a second command.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

from noticetui.i18n import _
from noticetui.render import sanitize_line

DEFAULT_COMMAND = ("notify-send", "--")
"""The desktop notification command used when ``[settings] notify_command`` is not set (``--``: a title
that starts with ``-`` is still a title, not an option)."""

TIMEOUT = 10.0
"""Seconds a notification command may take before it is given up."""


def notify(command: Sequence[str], title: str, url: str) -> str | None:
    """Run ``command`` with the post's title and URL appended; None on success, else a one-line reason."""
    argv = [*(command or DEFAULT_COMMAND), sanitize_line(title), url]
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        return _("notify command {command!r} not found (set [settings] notify_command)").format(command=argv[0])
    except (OSError, subprocess.SubprocessError) as exc:
        return _("notify command {command!r} failed: {reason}").format(command=argv[0], reason=exc)
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return _("notify command {command!r} exited {code}").format(command=argv[0], code=done.returncode) + (
            f": {detail[0]}" if detail else ""
        )
    return None
