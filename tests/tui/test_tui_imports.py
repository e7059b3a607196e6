"""What starting the TUI imports: nothing that only some keys need (the PDF reader is ~70 ms)."""

from __future__ import annotations

import subprocess
import sys


def test_starting_the_tui_does_not_import_the_pdf_reader() -> None:
    code = (
        "import sys, noticetui.tui.app; print(sorted(m for m in ('pypdf', 'noticetui.downloads') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=50)
    assert out.stdout.strip() == "[]"
