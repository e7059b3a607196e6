"""The terminal graphics probe leaves the window title alone (tmux reads the kitty query as a title).

A fresh interpreter on a pseudo-terminal runs the probe as the app does; the bytes it writes to the
terminal are read from the other end of the pty.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

from noticetui.tui.image_support import POP_TITLE, PUSH_TITLE

PROBE = "from noticetui.tui.image_support import probe_images; probe_images('auto')"


def terminal_bytes(code: str) -> bytes:
    """What ``code`` writes to its terminal (a pty that never answers a query)."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdin=child, stdout=child, stderr=subprocess.PIPE, close_fds=True
    )
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=30)
    os.close(main)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return out


def test_the_graphics_query_is_wrapped_in_a_title_push_and_pop() -> None:
    out = terminal_bytes(PROBE)
    query = out.find(b"\x1b_G")
    assert query != -1, out  # the kitty graphics query was sent: the case that retitled tmux windows
    assert out.startswith(PUSH_TITLE.encode())
    assert out.endswith(POP_TITLE.encode())
    assert out.count(PUSH_TITLE.encode()) == out.count(POP_TITLE.encode()) == 1


def test_images_off_writes_nothing_to_the_terminal() -> None:
    code = "from noticetui.tui.image_support import probe_images; probe_images('off')"
    assert terminal_bytes(code) == b""
