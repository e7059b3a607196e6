"""``serve``: every board and saved search as feeds on the loopback interface, until interrupted."""

from __future__ import annotations

import argparse
import errno
import signal
import sys
from types import FrameType

from noticetui.cli.format import error
from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.loopback import is_loopback

DEFAULT_HOST = "127.0.0.1"


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace, ctx: AppContext) -> int:
    """Serve the feeds until Ctrl+C or SIGTERM; prints the base URL first."""
    from noticetui.feed_server import FeedServer  # http.server: only for this command

    host = args.host or DEFAULT_HOST
    if not is_loopback(host):
        # Only with --host given: the feeds carry every cached post to whoever can reach the port.
        error(
            _("warning: serving on {host}, which is not loopback: anyone who can reach it reads every feed").format(
                host=host
            )
        )
    try:
        server = FeedServer(ctx.paths, ctx.config, host, args.port, log=True)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:  # the common case, said in the UI language with what to do
            error(
                _("cannot listen on {host}:{port}: the port is in use (choose another with --port)").format(
                    host=host, port=args.port
                )
            )
        else:
            reason = exc.strerror or exc
            error(_("cannot listen on {host}:{port}: {reason}").format(host=host, port=args.port, reason=reason))
        return 1
    signal.signal(signal.SIGTERM, _stop)
    sys.stdout.write(_("serving feeds on {url}/ (OPML: {url}/opml); Ctrl+C stops").format(url=server.url) + "\n")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.stdout.write(_("stopped") + "\n")
    finally:
        server.server_close()
    return 0
