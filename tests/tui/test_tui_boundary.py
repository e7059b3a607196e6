"""The headless core never imports Textual: only ``noticetui.tui`` may."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "noticetui.cli",
    "noticetui.context",
    "noticetui.downloads",
    "noticetui.feeds",
    "noticetui.images",
    "noticetui.render",
    "noticetui.previews",
    "noticetui.store",
    "noticetui.sync",
    "noticetui.tui.format",
    "noticetui.tui.image_layout",
    "noticetui.tui.image_support",
    "noticetui.tui.links",
    "noticetui.tui.sources",
]


def test_core_modules_load_without_textual() -> None:
    imports = "; ".join(f"import {name}" for name in CORE)
    check = f"import sys; {imports}; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0


def test_the_app_module_does_load_textual() -> None:
    check = "import sys; import noticetui.tui.app; sys.exit('textual' not in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0
