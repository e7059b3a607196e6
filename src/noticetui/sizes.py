"""Byte counts as people read them, shared by the command line and the TUI."""

from __future__ import annotations


def human_size(size: int | None, unknown: str = "") -> str:
    """``24576`` → ``24.0 KB``; ``unknown`` when the size is not known."""
    if size is None:
        return unknown
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
