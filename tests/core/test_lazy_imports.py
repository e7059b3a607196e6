"""Start-up imports only what the first screen needs; the rest loads where it is used (issue: start-up)."""

import json
import subprocess
import sys

import pytest

DEFERRED = [
    "pypdf",  # attachment previews (`p`), ≈70–90 ms
    "olefile",
    "PIL",
    "httpx",  # the first request, after the first frame
    "noticetui.net.fetch",
    "noticetui.sync",
    "noticetui.engines",
    "noticetui.downloads",
    "noticetui.previews.pdf",
    "noticetui.previews.hwp",
    "noticetui.render.blocks",  # parsing a body: the first frame shows none
]


def loaded_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("statement", ["import noticetui.tui.app", "import noticetui.cli.demo_cmds"])
def test_the_tui_start_up_path_leaves_heavy_modules_for_later(statement: str) -> None:
    loaded = loaded_after(statement)
    assert sorted(m for m in DEFERRED if m in loaded) == []


def test_what_is_deferred_still_loads_where_it_is_used() -> None:
    loaded = loaded_after(
        "from noticetui.render import render_html, to_plain\n"
        "from noticetui.previews.preview import _reader\n"
        "to_plain(render_html('<p>x</p>'), 40); _reader('pdf'); _reader('hwp')"
    )
    assert {"pypdf", "olefile", "noticetui.render.blocks", "noticetui.render.plain"} <= loaded
