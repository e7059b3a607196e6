"""``noticetui``'s command line: exits 0 on success, 1 when part of the work failed, 2 on bad usage."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tomllib
from collections.abc import Callable, Sequence

from noticetui.cli.format import cache_failure, error
from noticetui.cli.parser import UsageError, parse_arguments
from noticetui.config import ConfigError
from noticetui.context import AppContext
from noticetui.i18n import CHOICES, _, set_language
from noticetui.paths import resolve_paths
from noticetui.store import StoreError

Command = Callable[[argparse.Namespace, AppContext], int]


def _commands() -> dict[str, Command]:
    # Imported here so that `noticetui --help` stays quick.
    from noticetui.cli import boards_cmds, doctor_cmd, net_cmds, posts_cmds, reading_cmds, serve_cmd, sync_cmd

    return {
        "add": boards_cmds.cmd_add,
        "boards": boards_cmds.cmd_boards,
        "remove": boards_cmds.cmd_remove,
        "sync": sync_cmd.cmd_sync,
        "download": net_cmds.cmd_download,
        "list": posts_cmds.cmd_list,
        "show": posts_cmds.cmd_show,
        "search": posts_cmds.cmd_search,
        "export": posts_cmds.cmd_export,
        "doctor": doctor_cmd.cmd_doctor,
        "serve": serve_cmd.cmd_serve,
        "read": reading_cmds.cmd_read,
        "star": reading_cmds.cmd_star,
        "unstar": reading_cmds.cmd_star,
    }


def _configured_language() -> str:
    """The config's ``ui_language``, read before the arguments so that argparse's words (usage, its errors)
    are in it too, and so is any error of the rest of the config; ``auto`` (the locale's) when the file
    cannot be read as TOML or does not say."""
    try:
        data = tomllib.loads(resolve_paths().config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "auto"
    settings = data.get("settings")
    choice = settings.get("ui_language") if isinstance(settings, dict) else None
    return choice if isinstance(choice, str) and choice in CHOICES else "auto"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    set_language(_configured_language())
    try:
        args = parse_arguments(argv)
    except UsageError as exc:
        error(_("{problem} (see noticetui --help)").format(problem=exc))
        return 2
    try:
        if args.command == "demo-server":
            from noticetui.cli.demo_cmds import cmd_demo_server

            return cmd_demo_server(args)
        if args.command is None:
            from noticetui.cli.demo_cmds import cmd_tui

            return cmd_tui(args)
        ctx = AppContext.load()
        set_language(ctx.config.settings.ui_language)
        try:
            return _commands()[args.command](args, ctx)
        finally:
            ctx.close()
    except (ConfigError, StoreError) as exc:
        error(str(exc))
        return 1
    except sqlite3.Error as exc:  # the cache opened but a write failed: read-only file or folder, locked, full
        error(cache_failure(exc))
        return 1
    except UsageError as exc:
        error(str(exc))
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("noticetui: " + _("interrupted") + "\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`noticetui list | head`): not an error. Point stdout at /dev/null so that
        # Python's own flush at exit does not complain a second time.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
