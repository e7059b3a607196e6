"""``python -m noticetui``."""

from noticetui.cli import main

raise SystemExit(main())
