"""What each sample board carries: a city's press releases, an agency's grant calls, a university's notices…

Every showcase board has a flavour: the stories its posts are drawn from, the one notice it pins, and the
question a reader asks (the board's secret post and its answered one).  Boards that share a flavour still
differ: the stories are dealt in an order drawn from the board's name.
"""

from __future__ import annotations

from noticetui.demo.flavours_town import ACADEMIC, CITY, DATA, FREE
from noticetui.demo.flavours_work import GRANT, JOBS, PRESS
from noticetui.demo.stories import Flavour

__all__ = ["BOARDS", "Flavour"]

BOARDS: dict[str, Flavour] = {
    "g5-notice": CITY,
    "g4-notice": ACADEMIC,
    "g4-data": DATA,
    "kboard-notice": JOBS,
    "kboard-data": DATA,
    "rhymix-notice": GRANT,
    "rhymix-free": FREE,
    "egov-legacy": JOBS,
    "egov-article": FREE,
    "egov-portal": GRANT,
    "plain-news": PRESS,
    "plain-table": GRANT,
    "bbsntt-notice": PRESS,
    "boardes-notice": ACADEMIC,
}
"""The flavour of each showcase board, by its :class:`~noticetui.demo.sites.DemoBoard` name."""
