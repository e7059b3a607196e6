"""What the user downloaded in ``--demo``'s throwaway home, and keeping it before the home is deleted.

The demo runs in a temporary directory that goes away when the TUI closes; files saved there would go
with it.  The TUI asks before quitting (:mod:`noticetui.tui.demo_app`), and these functions find the
files and copy the ones the user keeps into their own downloads folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from noticetui.free_names import free_path

PARTIAL_SUFFIX = ".part"
"""An unfinished download (see :mod:`noticetui.downloads`): not a file the user has yet."""


def downloaded_files(folder: Path) -> list[Path]:
    """Every finished file under ``folder`` (downloads may sit in sub-folders), in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != PARTIAL_SUFFIX)


def keep_files(files: list[Path], root: Path, dest: Path) -> list[Path]:
    """Copy ``files`` (under ``root``) into ``dest``, keeping their sub-folders; returns the new paths.

    A name already taken in ``dest`` gets `` (2)``, `` (3)``… so nothing of the user's is overwritten.
    """
    kept: list[Path] = []
    for source in files:
        target = free_path(dest / source.relative_to(root))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        kept.append(target)
    return kept
