"""A post as a file a person keeps: the plain text ``noticetui show`` prints, or a small standalone HTML page.

The text is the terminal rendering unwrapped (each paragraph one line: the reader's editor wraps it).  The
HTML page holds the body as feeds carry it (:func:`noticetui.feed_html.clean_html`: an allow-list of tags,
absolute ``http``/``https``/``mailto`` links only), under the title, date, board and address, with the
attachments listed.  Every piece of page text is escaped; the page loads nothing (no script, no style sheet
from elsewhere).  Files are never overwritten: a taken name gets `` (2)``, `` (3)``…
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Literal

from noticetui.feed_html import clean_html, safe_url
from noticetui.free_names import free_path
from noticetui.i18n import N_, _
from noticetui.local_dates import to_user
from noticetui.render import render_html, sanitize_line, to_plain
from noticetui.sizes import human_size
from noticetui.store import AttachmentRow, PostRow

Format = Literal["text", "html"]
SECRET_TEXT = N_("(secret post: the site shows it only with its password)")


def date_text(row: PostRow) -> str:
    """``2026-03-05 09:10`` in the post's own zone, or empty."""
    return to_user(row.posted_at).strftime("%Y-%m-%d %H:%M") if row.posted_at else ""


def header_text(row: PostRow) -> str:
    """Title, then board · author · date · views, then the address: the head of ``noticetui show``."""
    facts = [row.board, sanitize_line(row.author) or "-", date_text(row) or "-"]
    if row.views is not None:
        facts.append(_("views {n}").format(n=f"{row.views:,}"))
    return "\n".join([sanitize_line(row.title), " · ".join(facts), sanitize_line(row.url)])


def files_text(files: list[AttachmentRow]) -> str:
    """The attachments block under the text (empty without files)."""
    if not files:
        return ""
    lines = ["", _("Attachments:")]
    for f in files:
        saved = "  " + _("saved: {path}").format(path=f.saved_path) if f.saved_path else ""
        lines.append(f"  [{f.index}] {sanitize_line(f.name)} ({human_size(f.size, '?')}){saved}")
    return "\n".join(lines)


def body_text(row: PostRow, width: int | None) -> tuple[str, list[dict[str, Any]]]:
    """A post's body as plain text wrapped at ``width`` (None: not wrapped), and its links."""
    if row.secret and not row.has_body:
        return _(SECRET_TEXT), []
    doc = render_html(row.body_html or "", row.url)
    links = [{"number": link.number, "url": link.url, "text": link.text} for link in doc.links]
    return to_plain(doc, width), links


def post_text(row: PostRow, files: list[AttachmentRow], width: int | None = None) -> str:
    """The whole post as ``noticetui show`` prints it (``width`` None: paragraphs not wrapped)."""
    text, _ = body_text(row, width)
    return header_text(row) + "\n\n" + text.rstrip("\n") + "\n" + files_text(files) + "\n"


def post_html(row: PostRow, files: list[AttachmentRow]) -> str:
    """The post as a standalone HTML page: its facts, the sanitised body, and the attachments listed."""
    title = html.escape(sanitize_line(row.title) or _("(no title)"))
    url = safe_url(row.url, row.url)
    facts = [html.escape(sanitize_line(row.board))]
    if row.author:
        facts.append(html.escape(sanitize_line(row.author)))
    if row.posted_at:
        facts.append(f'<time datetime="{row.posted_at.isoformat()}">{html.escape(date_text(row))}</time>')
    if row.views is not None:
        facts.append(html.escape(_("views {n}").format(n=f"{row.views:,}")))
    link = f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>' if url else ""
    body = clean_html(row.body_html or "", row.url) if row.has_body else f"<p>{html.escape(_(SECRET_TEXT))}</p>"
    listed = "".join(
        f"<li>{html.escape(sanitize_line(f.name))} ({html.escape(human_size(f.size, '?'))})</li>" for f in files
    )
    heading = html.escape(_("Attachments"))
    attachments = f"<h2>{heading}</h2><ul>{listed}</ul>" if files else ""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head>\n<body>\n<article>\n<h1>{title}</h1>\n"
        f"<p>{' · '.join(facts)}</p>\n{link}\n<hr>\n{body}\n{attachments}\n</article>\n</body></html>\n"
    )


def render_post(row: PostRow, files: list[AttachmentRow], fmt: Format) -> str:
    """The post in ``fmt``: ``text`` (unwrapped) or ``html``."""
    return post_html(row, files) if fmt == "html" else post_text(row, files)


def file_name(row: PostRow, fmt: Format) -> str:
    """A safe file name for the post: its title, cut to fit, with ``.txt`` or ``.html``."""
    from noticetui.net.disposition import safe_filename  # brings httpx in: not on the TUI's start-up path

    # A slash in a title ("A/B 공고") is text, not a folder: safe_filename would keep only what follows it.
    title = sanitize_line(row.title).replace("/", "_").replace("\\", "_")
    stem = safe_filename(title, f"post-{row.id}")
    suffix = ".html" if fmt == "html" else ".txt"
    return safe_filename(stem[:120] + suffix, f"post-{row.id}{suffix}")


def write_new(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (or the next free name, created exclusively); returns the path written.

    Raises ``OSError`` (with the path) when it cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        target = free_path(path)
        try:
            # "x": a file another process created since the check is not overwritten either.
            with target.open("x", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except FileExistsError:
            continue
        return target
