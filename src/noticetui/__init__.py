"""noticetui: follow web notice boards (게시판) from a terminal."""

__version__ = "0.1.0"
