"""What each sample board carries: a city's press releases, an agency's grant calls, a university's notices…

Every showcase board has a flavour: the stories its posts are drawn from, the one notice it pins, and the
question a reader asks (the board's secret post and its answered one).  Boards that share a flavour still
differ: the stories are dealt in an order drawn from the board's name, each words its headline and pins a
notice of its own, and no title is on two boards (``tests/demo/test_flavours.py`` checks it at several
instants; content.py would share one only if a kind ran out of stories, so a kind needs enough of them).

The flavours are data (``flavours.toml``, read once at import); this module turns each entry into a
:class:`~noticetui.demo.stories.Story` with the body builder it names.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources
from typing import Any

from noticetui.demo.press import agency_release, release
from noticetui.demo.stories import (
    Body,
    Flavour,
    Story,
    briefing,
    closure,
    event,
    grant_call,
    grant_result,
    hiring_call,
    hiring_result,
    plain_notice,
    question,
    with_image,
    with_table,
)

__all__ = ["BOARDS", "FLAVOURS", "Flavour"]

_BODIES: dict[str, Callable[..., Body]] = {
    "notice": plain_notice,
    "event": event,
    "closure": closure,
    "question": question,
    "release": release,
    "grant_call": grant_call,
    "grant_result": grant_result,
    "briefing": briefing,
    "hiring_call": hiring_call,
    "hiring_result": hiring_result,
    "agency_release": lambda: agency_release,
}
"""The body builders a story may name, each called with the story's list of arguments for it."""


def _files(spec: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((name, sample) for name, sample in spec.get("files", ()))


def story(spec: dict[str, Any]) -> Story:
    """The story one entry of ``flavours.toml`` describes (a ValueError unless it names exactly one body)."""
    named = [key for key in spec if key in _BODIES]
    if len(named) != 1:
        raise ValueError(f"story {spec.get('title')!r}: one body expected, got {named}")
    body = _BODIES[named[0]](*spec[named[0]])
    if "table_head" in spec:
        body = with_table(body, spec["table_head"], spec["table_rows"])
    if "image" in spec:
        body = with_image(body, *spec["image"])
    return Story(spec["kind"], spec["title"], body, _files(spec))


def _reports(spec: dict[str, Any]) -> tuple[Story, ...]:
    """A reader's report of each problem at each place (the many alike posts of a citizens' board)."""
    return tuple(
        Story("문의", f"{place} {problem}", question(f"{place}에 {text}"), _files(spec))
        for place in spec["places"]
        for problem, text in spec["problems"]
    )


def flavour(spec: dict[str, Any]) -> Flavour:
    """The flavour one top-level table of ``flavours.toml`` describes."""
    title, text = spec["asks"]
    return Flavour(
        stories=tuple(story(s) for s in spec["stories"]) + (_reports(spec["reports"]) if "reports" in spec else ()),
        pinned=story(spec["pinned"]),
        also_pinned=tuple(story(s) for s in spec["also_pinned"]),
        headline=story(spec["headline"]),
        headline_titles=tuple(spec["headline"].get("also_titled", ())),
        asks=(title, text),
        answer=spec["answer"],
    )


FLAVOURS: dict[str, Flavour] = {
    name: flavour(spec)
    for name, spec in tomllib.loads(
        resources.files("noticetui.demo").joinpath("flavours.toml").read_text(encoding="utf-8")
    ).items()
}
"""Every flavour by its name in ``flavours.toml`` (press, grant, jobs, academic, city, data, free)."""

BOARDS: dict[str, Flavour] = {
    "g5-notice": FLAVOURS["city"],
    "g4-notice": FLAVOURS["academic"],
    "g4-data": FLAVOURS["data"],
    "kboard-notice": FLAVOURS["jobs"],
    "kboard-data": FLAVOURS["data"],
    "rhymix-notice": FLAVOURS["grant"],
    "rhymix-free": FLAVOURS["free"],
    "egov-legacy": FLAVOURS["jobs"],
    "egov-article": FLAVOURS["free"],
    "egov-portal": FLAVOURS["grant"],
    "plain-news": FLAVOURS["press"],
    "plain-table": FLAVOURS["grant"],
    "bbsntt-notice": FLAVOURS["press"],
    "boardes-notice": FLAVOURS["academic"],
}
"""The flavour of each showcase board, by its :class:`~noticetui.demo.sites.DemoBoard` name."""
