"""KBoard markup on a WordPress page: the theme around the ``[kboard]`` shortcode, the ``default`` skin's
``list.php`` and ``reply-template.php``, and ``kboard_pagination``, paraphrased from KBoard 6 on
WordPress 6 with the Korean translation.

Values are passed in escaped the way the real code leaves them: titles as ``kboard_xssfilter`` stored them
(``&amp;``, ``&lt;``), document links through ``esc_url`` (``&`` becomes ``&#038;``), pagination links
with a raw ``&`` (``kboard_pagination`` builds them by hand).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

SITE_TITLE = "데모문화재단"
"""The WordPress site's name (``bloginfo('name')``)."""
KBOARD_VERSION = "6.5"
WP_VERSION = "6.5.3"


def esc_url(url: str) -> str:
    """WordPress ``esc_url`` for display: ``&`` as ``&#038;`` and ``'`` as ``&#039;``."""
    return url.replace("&", "&#038;").replace("'", "&#039;")


def esc_html(text: str) -> str:
    """WordPress ``esc_html`` (also what ``kboard_xssfilter`` leaves of ``&``, ``<`` and ``>`` in a title)."""
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def document(site: str, page_title: str, body: str, page_id: int, menu: list[tuple[str, str]]) -> str:
    """A whole WordPress page (a block theme's ``page.php``) with ``body`` as the page content."""
    plugin = f"{site}/wp-content/plugins/kboard"
    items = "\n".join(
        f'\t\t<li class="menu-item{" current-menu-item" if label == page_title else ""}">'
        f'<a href="{esc_url(href)}">{label}</a></li>'
        for label, href in menu
    )
    return f"""<!DOCTYPE html>
<html lang="ko-KR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title} &#8211; {SITE_TITLE}</title>
<meta name='robots' content='max-image-preview:large' />
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE} &raquo; 피드" href="{site}/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='{site}/wp-includes/css/dist/block-library/style.min.css?ver={WP_VERSION}' media='all' />
<link rel='stylesheet' id='kboard-comments-skin-default-css' href='{site}/wp-content/plugins/kboard-comments/skin/default/style.css?ver=5.4.2' media='all' />
<link rel='stylesheet' id='kboard-skin-default-css' href='{plugin}/skin/default/style.css?ver={KBOARD_VERSION}' media='all' />
<script id="kboard-script-js-extra">
var kboard_settings = {{"version":"{KBOARD_VERSION}","home_url":"\\/kboard\\/","site_url":"\\/kboard\\/","locale":"ko_KR","ajax_security":"5d0c3e1a7b"}};
var kboard_localize_strings = {{"next":"\\ub2e4\\uc74c","prev":"\\uc774\\uc804","please_enter_the_title":"\\uc81c\\ubaa9\\uc744 \\uc785\\ub825\\ud574\\uc8fc\\uc138\\uc694."}};
</script>
<script src='{site}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
<script src='{plugin}/template/js/script.js?ver={KBOARD_VERSION}' id='kboard-script-js'></script>
<meta name="generator" content="WordPress {WP_VERSION}" />
</head>
<body class="page-template-default page page-id-{page_id}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">콘텐츠로 건너뛰기</a>
<header id="masthead" class="site-header">
	<div class="site-branding"><p class="site-title"><a href="{site}/" rel="home">{SITE_TITLE}</a></p></div>
	<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
{items}
	</ul></nav>
</header>
<main id="primary" class="site-main">
<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry">
	<header class="entry-header"><h1 class="entry-title">{page_title}</h1></header>
	<div class="entry-content">
{body}
	</div><!-- .entry-content -->
</article>
</main>
<footer id="colophon" class="site-footer"><div class="site-info">(재){SITE_TITLE} · 서울특별시 종로구 세종대로 175 · 02-000-0000 · Proudly powered by WordPress</div></footer>
</div>
</body>
</html>
"""


@dataclass(frozen=True)
class Skin:
    """How a copy of the ``default`` skin draws its icons."""

    path: str
    """The skin's URL (``…/wp-content/plugins/kboard/skin/default``)."""
    image_icons: bool
    """Older copies use ``<img src=…/icon-lock.png>``; newer ones empty ``<span class="kboard-icon-…">``."""

    def lock(self) -> str:
        """The secret-post icon."""
        if self.image_icons:
            return f'<img src="{self.path}/images/icon-lock.png" alt="비밀글">'
        return '<span class="kboard-icon-lock"></span>'

    def reply(self) -> str:
        """The reply icon."""
        if self.image_icons:
            return f'<img src="{self.path}/images/icon-reply.png" alt="">'
        return '<span class="kboard-icon-reply"></span>'


@dataclass(frozen=True)
class ListRow:
    """One row of the list, values already escaped."""

    number: str
    """``공지사항`` for a notice, ``$list->index()`` for a post, empty for a reply."""
    href: str
    title: str
    author: str
    """``kboard_user_display``'s HTML (a name, or the author dropdown)."""
    date: str
    vote: int
    view: int
    notice: bool = False
    new: bool = False
    secret: bool = False
    comments: int = 0
    depth: int = 0
    """0 for a post; 1 for a reply, 2 for a reply to a reply…"""


def _cut_strings(row: ListRow, skin: Skin) -> str:
    reply = f"{skin.reply()}\n\t\t\t\t" if row.depth else ""
    new = '<span class="kboard-default-new-notify">New</span>' if row.new else ""
    lock = skin.lock() if row.secret else ""
    count = f"({row.comments})" if row.comments else ""
    return (
        f'<div class="kboard-default-cut-strings">\n\t\t\t\t{reply}{new}\t\t\t\t{lock}\t\t\t\t{row.title}'
        f'\t\t\t\t<span class="kboard-comments-count">{count}</span>\n\t\t\t</div>'
    )


def list_row(row: ListRow, skin: Skin) -> str:
    """``list.php``'s notice and post rows, or ``reply-template.php``'s reply row."""
    css = "kboard-list-notice" if row.notice else ""
    indent = f' style="padding-left:{row.depth * 5}px"' if row.depth else ""
    return f"""<tr class="{css}">
	<td class="kboard-list-uid">{row.number}</td>
	<td class="kboard-list-title"{indent}>
		<a href="{row.href}">
			{_cut_strings(row, skin)}
		</a>
		<div class="kboard-mobile-contents">
			<span class="contents-item kboard-user">{row.author}</span>
			<span class="contents-separator kboard-date">|</span>
			<span class="contents-item kboard-date">{row.date}</span>
			<span class="contents-separator kboard-vote">|</span>
			<span class="contents-item kboard-vote">추천 {row.vote}</span>
			<span class="contents-separator kboard-view">|</span>
			<span class="contents-item kboard-view">조회 {row.view}</span>
		</div>
	</td>
	<td class="kboard-list-user">{row.author}</td>
	<td class="kboard-list-date">{row.date}</td>
	<td class="kboard-list-vote">{row.vote}</td>
	<td class="kboard-list-view">{row.view}</td>
</tr>
"""


def author_dropdown(name: str, search_href: str) -> str:
    """The author with ``show_author_activity_menu`` on: the name, then a menu (a **guess** at its markup)."""
    return (
        f'<div class="kboard-author-dropdown"><span class="kboard-author-name">{name}</span>'
        f'<ul class="kboard-author-dropdown-menu"><li><a href="{search_href}">작성글 보기</a></li>'
        '<li><a href="#" onclick="return false">쪽지 보내기</a></li></ul></div>'
    )


def pagination(current: int, total: int, limit: int, query_strings: str) -> str:
    """``kboard_pagination``: ten page links per window, 처음/«/»/마지막 around them (raw ``&``)."""
    if not total:
        return '<li class="active"><a href="#" onclick="return false">1</a></li>'
    total_page = -(-total // limit)
    start = (current - 1) - (current - 1) % 10 if current > 10 else 0
    items = []
    for number in range(start + 1, min(start + 10, total_page) + 1):
        if number == current:
            items.append(
                f'<li class="active"><a href="?pageid={number}{query_strings}" onclick="return false">{number}</a></li>'
            )
        else:
            items.append(f'<li><a href="?pageid={number}{query_strings}">{number}</a></li>')
    paging = "".join(items)
    if current != 1:
        paging = (
            f'<li class="first-page"><a href="?pageid=1{query_strings}">처음</a></li>'
            f'<li class="prev-page"><a href="?pageid={current - 1}{query_strings}">«</a></li>{paging}'
        )
    if current != total_page:
        paging += (
            f'<li class="next-page"><a href="?pageid={current + 1}{query_strings}">»</a></li>'
            f'<li class="last-page"><a href="?pageid={total_page}{query_strings}">마지막</a></li>'
        )
    return paging


def list_skin(board_id: int, total: int, rows: str, paging: str, action: str, inputs: str) -> str:
    """``list.php``: the header with the total, the table, the pagination and the search form."""
    return f"""<div id="kboard-default-list">
	<div class="kboard-list-header">
		<div class="kboard-total-count">
			전체 {total:,}		</div>
		<div class="kboard-sort">
			<form id="kboard-sort-form-{board_id}" method="get" action="{action}">
				{inputs}<input type="hidden" name="kboard_list_sort_remember" value="{board_id}">
				<select name="kboard_list_sort" onchange="jQuery('#kboard-sort-form-{board_id}').submit();">
					<option value="newest" selected>최신순</option>
					<option value="best">추천순</option>
					<option value="viewed">조회순</option>
					<option value="updated">업데이트순</option>
				</select>
			</form>
		</div>
	</div>
	<div class="kboard-list">
		<table>
			<thead>
				<tr>
					<td class="kboard-list-uid">번호</td>
					<td class="kboard-list-title">제목</td>
					<td class="kboard-list-user">작성자</td>
					<td class="kboard-list-date">작성일</td>
					<td class="kboard-list-vote">추천</td>
					<td class="kboard-list-view">조회</td>
				</tr>
			</thead>
			<tbody>
{rows}			</tbody>
		</table>
	</div>
	<div class="kboard-pagination">
		<ul class="kboard-pagination-pages">
			{paging}		</ul>
	</div>
	<div class="kboard-search">
		<form id="kboard-search-form-{board_id}" method="get" action="{action}">
			{inputs}
			<select name="target">
				<option value="">전체</option>
				<option value="title">제목</option>
				<option value="content">내용</option>
				<option value="member_display">작성자</option>
			</select>
			<input type="text" name="keyword" value="">
			<button type="submit" class="kboard-default-button-small">검색</button>
		</form>
	</div>
	<div class="kboard-default-poweredby">
		<a href="https://www.cosmosfarm.com/products/kboard" onclick="window.open(this.href);return false;" title="워드프레스 최고의 커뮤니티 소프트웨어 KBoard">Powered by KBoard</a>
	</div>
</div>"""


def alert(msg: str, then: str) -> str:
    """What KBoard echoes in place of the board when it refuses (``kboard_cannot_read_document``)."""
    return f'<script>alert("{msg}");</script><script>{then}</script>'
