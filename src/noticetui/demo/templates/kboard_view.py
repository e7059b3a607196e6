"""KBoard's ``default`` skin ``document.php`` and ``confirm.php``, the KBoard Comments list under a post,
and WordPress's ``wp_die`` page, paraphrased from KBoard 6 and WordPress 6 (Korean translation).

Download buttons carry their URL in ``onclick`` without any HTML escaping (``&`` stays raw), as the skin
echoes ``getDownloadURLWithAttach`` straight into the attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Neighbour:
    """The previous or next post in the navigation under a post."""

    href: str
    title: str


@dataclass(frozen=True)
class Comment:
    """One comment, values escaped."""

    author: str
    created: str
    """``Y-m-d H:i``."""
    stamp: str
    """``YmdHis`` (the ``data-created`` attribute)."""
    text: str


@dataclass(frozen=True)
class DocumentView:
    """What ``document.php`` shows, values already escaped."""

    uid: str
    title: str
    author: str
    date: str
    """``Y-m-d H:i``."""
    views: int
    content: str
    list_href: str
    print_url: str
    category: str = ""
    likes: int = 0
    files: list[tuple[str, str]] = field(default_factory=list)
    """(download URL as echoed into ``onclick``, file name)."""
    comments: list[Comment] = field(default_factory=list)
    prev: Neighbour | None = None
    next: Neighbour | None = None


def _navi(view: DocumentView) -> str:
    prev = next_ = ""
    if view.prev is not None:
        prev = (
            f'<a href="{view.prev.href}">\n\t\t\t\t\t<span class="navi-arrow">«</span>\n\t\t\t\t\t'
            f'<span class="navi-document-title kboard-default-cut-strings">{view.prev.title}</span>\n\t\t\t\t</a>'
        )
    if view.next is not None:
        next_ = (
            f'<a href="{view.next.href}">\n\t\t\t\t\t<span class="navi-document-title kboard-default-cut-strings">'
            f'{view.next.title}</span>\n\t\t\t\t\t<span class="navi-arrow">»</span>\n\t\t\t\t</a>'
        )
    return (
        '<div class="kboard-document-navi">\n\t\t\t<div class="kboard-prev-document">\n\t\t\t\t'
        f'{prev}\n\t\t\t</div>\n\t\t\t<div class="kboard-next-document">\n\t\t\t\t{next_}\n\t\t\t</div>\n\t\t</div>'
    )


def _comments(board_id: int, items: list[Comment]) -> str:
    lis = "".join(
        f'\n\t\t\t\t<li itemscope itemtype="http://schema.org/Comment" class="kboard-comments-item" '
        f'data-username="" data-created="{c.stamp}">\n\t\t\t\t\t<div class="comments-list-username" '
        f'itemprop="author">{c.author}</div>\n\t\t\t\t\t<div class="comments-list-create" itemprop="dateCreated">'
        f'{c.created}</div>\n\t\t\t\t\t<div class="comments-list-content" itemprop="description">{c.text}</div>'
        "\n\t\t\t\t</li>"
        for c in items
    )
    return f"""<div id="kboard-comments-{board_id}" class="kboard-comments-default">
	<div class="kboard-comments-wrap">
		<div class="comments-header"><div class="comments-count">전체 <span class="comments-total-count">{len(items)}</span></div></div>
		<div class="comments-list">
			<ul>{lis}
			</ul>
		</div>
		<form class="comments-form" method="post"><textarea name="comment_content" placeholder="댓글을 입력하세요."></textarea>
		<button type="submit" class="comments-submit-button">입력</button></form>
	</div>
</div>"""


def document_skin(board_id: int, view: DocumentView) -> str:
    """``document.php``: title, details, content, like/print buttons, downloads, comments, navigation."""
    category = (
        f'<div class="detail-attr detail-category1">\n\t\t\t\t\t<div class="detail-name">{view.category}</div>\n'
        "\t\t\t\t</div>\n\t\t\t\t"
        if view.category
        else ""
    )
    attach = ""
    if view.files:
        buttons = "".join(
            f'\n\t\t\t\t<button type="button" class="kboard-button-action kboard-button-download" '
            f'onclick="window.location.href=\'{url}\'" title="다운로드 {name}">{name}</button>'
            for url, name in view.files
        )
        attach = f'<div class="kboard-attach">{buttons}\n\t\t\t</div>'
    return f"""<div id="kboard-document">
	<div id="kboard-default-document">
		<div class="kboard-document-wrap" itemscope itemtype="http://schema.org/Article">
			<div class="kboard-title" itemprop="name">
				<h1>{view.title}</h1>
			</div>
			<div class="kboard-detail">
				{category}<div class="detail-attr detail-writer">
					<div class="detail-name">작성자</div>
					<div class="detail-value">{view.author}</div>
				</div>
				<div class="detail-attr detail-date">
					<div class="detail-name">작성일</div>
					<div class="detail-value">{view.date}</div>
				</div>
				<div class="detail-attr detail-view">
					<div class="detail-name">조회</div>
					<div class="detail-value">{view.views}</div>
				</div>
			</div>
			<div class="kboard-content" itemprop="description">
				<div class="content-view">
					{view.content}
				</div>
			</div>
			<div class="kboard-document-action">
				<div class="left">
					<button type="button" class="kboard-button-action kboard-button-like" onclick="kboard_document_like(this)" data-uid="{view.uid}" title="좋아요">좋아요 <span class="kboard-document-like-count">{view.likes}</span></button>
					<button type="button" class="kboard-button-action kboard-button-unlike" onclick="kboard_document_unlike(this)" data-uid="{view.uid}" title="싫어요">싫어요 <span class="kboard-document-unlike-count">0</span></button>
				</div>
				<div class="right">
					<button type="button" class="kboard-button-action kboard-button-print" onclick="kboard_document_print('{view.print_url}')" title="인쇄">인쇄</button>
				</div>
			</div>
			{attach}
		</div>
		<div class="kboard-comments-area">{_comments(board_id, view.comments)}</div>
		{_navi(view)}
		<div class="kboard-control">
			<div class="left">
				<a href="{view.list_href}" class="kboard-default-button-small">목록보기</a>
			</div>
		</div>
		<div class="kboard-default-poweredby">
			<a href="https://www.cosmosfarm.com/products/kboard" onclick="window.open(this.href);return false;" title="워드프레스 최고의 커뮤니티 소프트웨어 KBoard">Powered by KBoard</a>
		</div>
	</div>
</div>"""


def confirm_skin(action: str, document_href: str, list_href: str, failed: bool) -> str:
    """``confirm.php``: the password form a secret post shows instead of itself."""
    wrong = '\n\t\t\t\t<div class="description">※ 비밀번호가 일치하지 않습니다.</div>' if failed else ""
    return f"""<div id="kboard-default-editor">
	<form method="post" action="{action}">
		<div class="kboard-attr-row kboard-confirm-row">
			<label class="attr-name">비밀번호</label>
			<div class="attr-value">
				<input type="password" name="password" placeholder="비밀번호..." autofocus required>{wrong}
			</div>
		</div>
		<div class="kboard-control">
			<div class="left">
				<a href="{document_href}" class="kboard-default-button-small">본문</a>
				<a href="{list_href}" class="kboard-default-button-small">목록보기</a>
			</div>
			<div class="right">
				<button type="submit" class="kboard-default-button-small">비밀번호 확인</button>
			</div>
		</div>
	</form>
</div>"""


def wp_die(message: str) -> str:
    """``_default_wp_die_handler``'s page (WordPress answers it with status 500 unless told otherwise)."""
    return f"""<!DOCTYPE html>
<html lang="ko-KR">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>워드프레스 &rsaquo; 오류</title>
	<style type="text/css">
		html {{ background: #f1f1f1; }}
		body {{ background: #fff; border: 1px solid #ccd0d4; color: #444; margin: 2em auto; padding: 1em 2em; max-width: 700px; }}
		#error-page .wp-die-message {{ font-size: 14px; line-height: 1.5; margin: 25px 0 20px; }}
	</style>
</head>
<body id="error-page">
	<div class="wp-die-message">{message}</div></body>
</html>
"""
