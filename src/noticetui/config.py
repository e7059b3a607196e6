"""The user's ``config.toml``: the boards to follow and a few settings.

The file is meant to be edited by hand::

    [settings]
    delay = 0.5              # seconds between two requests to the same site

    [[boards]]
    name = "notice"
    url = "https://example.kr/bbs/board.php?bo_table=notice"
    engine = "gnuboard"
    pages = 3

    [[searches]]             # served as a feed by `noticetui serve` at /search/<name>.atom
    name = "grants"
    query = "지원사업"

    [keys]                   # the TUI's keys, by action name (the TUI checks the names and keys)
    refresh_board = "ctrl+r"

Any mistake is reported as one :class:`ConfigError` line naming the file, the key and what was expected.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from noticetui.i18n import N_, _
from noticetui.store.operators import QueryError, parse_search

NAME_RE = re.compile(r"^[\w][\w.-]{0,63}$")

AUTO_ENGINE = "auto"
"""The engine name that means "detect the engine at every sync"."""
DEFAULT_PAGES = 3
"""List pages a sync reads when the board does not say."""
DEFAULT_TIMEZONE = "Asia/Seoul"
"""The zone a board's dates are read in when the board does not say (config files omit it then)."""

_T = TypeVar("_T")


class ConfigError(Exception):
    """The config file is unreadable or invalid; ``str()`` is one line naming file, key and problem."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class BoardConfig:
    """One board the user follows."""

    name: str
    """A short unique name, used on the command line (letters, digits, ``_ . -``; Korean is fine)."""
    url: str
    """The board's list page."""
    engine: str = AUTO_ENGINE
    """The engine's name (``gnuboard``, ``rhymix``…), or ``auto`` to detect it at every sync."""
    pages: int = DEFAULT_PAGES
    """How many list pages a sync reads."""
    timezone: str = DEFAULT_TIMEZONE
    """The zone the site writes its dates in."""
    title: str = ""
    """A display title; the name when empty."""
    options: dict[str, Any] = field(default_factory=dict)
    """Engine options, such as the CSS selectors of a user profile (``[boards.profile]``)."""
    watch: tuple[str, ...] = ()
    """Watch words of this board, on top of ``[settings] watch``: new posts whose title holds one are
    highlighted and, with ``sync --notify``, announced."""

    @property
    def zone(self) -> ZoneInfo:
        """The board's time zone."""
        return ZoneInfo(self.timezone)


def _setting(
    default: _T,
    *,
    low: float | None = None,
    above: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
) -> _T:
    """A setting's default, with what its value must keep to (``low ≤ value``, ``above < value``,
    ``value ≤ high``, one of ``choices``): :func:`_parse_settings` checks them, so a setting's rule is
    written once, beside it."""
    return field(default=default, metadata={"low": low, "above": above, "high": high, "choices": choices})


@dataclass(frozen=True)
class Settings:
    """How noticetui behaves towards sites."""

    delay: float = _setting(0.5, low=0)
    """Seconds between the starts of two requests to the same host."""
    per_host: int = _setting(2, low=1)
    """Requests in flight to one host at most."""
    timeout: float = _setting(20.0, above=0)
    """Seconds before a request is given up."""
    user_agent: str = ""
    """A User-Agent to send instead of the built-in desktop-browser one."""
    download_dir: str = ""
    """Where attachments go instead of the default downloads folder."""
    images: str = _setting("auto", choices=("auto", "on", "off"))
    """Images inline in the TUI: ``auto`` (when the terminal can show graphics), ``on`` or ``off``."""
    retries: int = _setting(2, low=0, high=10)
    """Further attempts after a transient failure (timeout, 429/503, reset); refused and DNS get none."""
    retry_backoff: float = _setting(0.5, low=0)
    """Seconds before the first retry; each next one waits twice as long (a ``Retry-After`` wins)."""
    page_limit: int = _setting(20_000_000, low=1)
    """Bytes a page may have once decompressed; a larger one is refused."""
    file_limit: int = _setting(500_000_000, low=1)
    """Bytes a download may have once decompressed; a larger one is refused and nothing is kept."""
    min_rate: float = _setting(1024.0, low=0)
    """Bytes per second a download must average over ``rate_window`` seconds, or it is given up (0: none)."""
    rate_window: float = _setting(30.0, above=0)
    """Seconds ``min_rate`` is averaged over."""
    downloads_parallel: int = _setting(3, low=1)
    """Downloads running at once at most (the TUI's queue)."""
    watch: tuple[str, ...] = ()
    """Watch words for every board (``watch = ["지원사업", "채용"]``): matching new posts are highlighted and,
    with ``sync --notify``, announced."""
    notify_command: tuple[str, ...] = ()
    """The command ``sync --notify`` runs per matching new post, the post's title and URL appended as two
    more arguments (never through a shell); empty means ``notify-send``."""
    ui_language: str = _setting("auto", choices=("auto", "ko", "en"))
    """The UI's language: ``auto`` (Korean when the locale, ``LC_ALL``/``LC_MESSAGES``/``LANG``, is Korean),
    ``ko`` or ``en``."""
    refresh_every: float = 0.0
    """Seconds between two syncs of every board while the TUI is open (``refresh_every = "30m"``, the
    syntax of ``sync --every``); 0 (or absent) turns auto-refresh off."""
    open_command: tuple[str, ...] = ()
    """The command the TUI opens a saved attachment (or its folder) with, as a list of arguments (never
    through a shell); ``{path}`` in it is replaced by the path, else the path is appended.  Empty means the
    system's: ``xdg-open`` on Linux, ``open`` on macOS, the file's association on Windows."""
    theme: str = ""
    """The TUI's colour theme, one of Textual's built-in themes (``nord``, ``gruvbox``…); empty: the default."""


@dataclass(frozen=True)
class Config:
    """The whole config file."""

    boards: list[BoardConfig] = field(default_factory=list)
    """The ``[[boards]]`` tables, in the order of the file (names are unique)."""
    settings: Settings = field(default_factory=Settings)
    """The ``[settings]`` table; every setting it leaves out keeps its default."""
    searches: list[SavedSearch] = field(default_factory=list)
    """Saved searches, in the order of the file."""
    keys: dict[str, str] = field(default_factory=dict)
    """The ``[keys]`` section: action name → comma-separated keys (``"posts.down" = "j,down,ctrl+n"``).
    Only the types are checked here; the TUI checks names and keys against its action registry."""

    def search(self, name: str) -> SavedSearch | None:
        """The saved search called ``name``."""
        return next((s for s in self.searches if s.name == name), None)

    def board(self, name: str) -> BoardConfig | None:
        """The board called ``name``."""
        return next((b for b in self.boards if b.name == name), None)


@dataclass(frozen=True)
class SavedSearch:
    """A search the user keeps (``[[searches]]``), served as a feed of its own."""

    name: str
    """A short unique name, used in the feed's URL (letters, digits, ``_ . -``)."""
    query: str
    """The words to find, as ``noticetui search`` takes them."""


def load_config(path: Path) -> Config:
    """Read and check ``path``; an absent file is an empty config."""
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "", _("not UTF-8 text ({reason})").format(reason=exc.reason)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", _toml_problem(exc)) from exc
    except OSError as exc:
        raise ConfigError(path, "", _("cannot read: {reason}").format(reason=exc.strerror)) from exc
    return _parse(path, data)


# tomllib (3.11 to 3.13) ends its message with where: "(at line 3, column 5)" or "(at end of document)".
_TOML_WHERE = re.compile(r"(?P<detail>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)")


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    """The sentence of a TOML syntax error in the UI language; tomllib's own detail (English) is kept."""
    match = _TOML_WHERE.fullmatch(str(exc))
    if match is None:
        return _("invalid TOML: {error}").format(error=exc)
    if match["line"] is None:
        return _("invalid TOML at the end of the file: {detail}").format(detail=match["detail"])
    return _("invalid TOML at line {line}, column {column}: {detail}").format(
        line=match["line"], column=match["column"], detail=match["detail"]
    )


def _parse(path: Path, data: dict[str, Any]) -> Config:
    unknown = set(data) - {"boards", "settings", "searches", "keys"}
    if unknown:
        raise ConfigError(
            path, sorted(unknown)[0], _("unknown key (expected 'boards', 'settings', 'searches' or 'keys')")
        )
    raw_boards = data.get("boards", [])
    if not isinstance(raw_boards, list):
        raise ConfigError(path, "boards", _("expected a list of [[boards]] tables"))
    boards: list[BoardConfig] = []
    for i, raw in enumerate(raw_boards):
        board = _parse_board(path, f"boards[{i}]", raw)
        if any(b.name == board.name for b in boards):
            raise ConfigError(path, f"boards[{i}].name", _("duplicate board name {name!r}").format(name=board.name))
        boards.append(board)
    settings = _parse_settings(path, data.get("settings", {}))
    return Config(
        boards=boards,
        settings=settings,
        searches=_parse_searches(path, data.get("searches", [])),
        keys=_parse_keys(path, "keys", data.get("keys", {})),
    )


def _parse_keys(path: Path, key: str, raw: Any) -> dict[str, str]:
    """``[keys]`` as action name → keys; an unquoted dotted name (``posts.down = "j"``) is a nested table
    in TOML, so nested tables are flattened back to dotted names."""
    if not isinstance(raw, dict):
        raise ConfigError(path, key, _('expected a table of action = "keys"'))
    keys: dict[str, str] = {}
    for name, value in raw.items():
        if isinstance(value, dict):
            keys |= {f"{name}.{sub}": v for sub, v in _parse_keys(path, f"{key}.{name}", value).items()}
        elif isinstance(value, str) and value.strip():
            keys[name] = value.strip()
        else:
            raise ConfigError(
                path,
                f"{key}.{name}",
                _('expected keys as a string such as "ctrl+r", got {value!r}').format(value=value),
            )
    return keys


def _parse_searches(path: Path, raw: Any) -> list[SavedSearch]:
    if not isinstance(raw, list):
        raise ConfigError(path, "searches", _("expected a list of [[searches]] tables"))
    searches: list[SavedSearch] = []
    for i, table in enumerate(raw):
        key = f"searches[{i}]"
        if not isinstance(table, dict):
            raise ConfigError(path, key, _("expected a table"))
        for name in table:
            if name not in ("name", "query"):
                raise ConfigError(path, f"{key}.{name}", _("unknown key (expected name, query)"))
        name = _get(path, key, table, "name", str, "")
        if not NAME_RE.match(name):
            raise ConfigError(
                path, f"{key}.name", _("{name!r} is not a usable name (letters, digits, _ . -)").format(name=name)
            )
        if any(s.name == name for s in searches):
            raise ConfigError(path, f"{key}.name", _("duplicate search name {name!r}").format(name=name))
        query = _get(path, key, table, "query", str, "")
        if not query.strip():
            raise ConfigError(path, f"{key}.query", _("missing or empty"))
        try:  # a bad operator (after:yesterday) is the config's mistake, said once, not a feed's 500
            parse_search(query)
        except QueryError as exc:
            raise ConfigError(path, f"{key}.query", str(exc)) from None
        searches.append(SavedSearch(name, query))
    return searches


def _get(path: Path, key: str, table: dict[str, Any], name: str, kind: type, default: Any) -> Any:
    value = table.get(name, default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) is not (kind is bool):
        raise ConfigError(path, f"{key}.{name}", _(_KIND_PROBLEMS[kind]).format(value=value))
    return value


_KIND_PROBLEMS: dict[type, str] = {
    float: N_("expected a number, got {value!r}"),
    int: N_("expected a whole number, got {value!r}"),
    str: N_("expected text, got {value!r}"),
    bool: N_("expected true or false, got {value!r}"),
}
"""What a value of the wrong TOML type is told, in words a user knows rather than Python's type names."""


def _parse_board(path: Path, key: str, raw: Any) -> BoardConfig:
    if not isinstance(raw, dict):
        raise ConfigError(path, key, _("expected a table"))
    allowed = {"name", "url", "engine", "pages", "timezone", "title", "profile", "watch"}
    for name in raw:
        if name not in allowed:
            raise ConfigError(
                path, f"{key}.{name}", _("unknown key (expected one of {keys})").format(keys=", ".join(sorted(allowed)))
            )
    for required in ("name", "url"):
        if required not in raw:
            raise ConfigError(path, f"{key}.{required}", _("missing"))
    name = _get(path, key, raw, "name", str, "")
    if not NAME_RE.match(name):
        raise ConfigError(
            path, f"{key}.name", _("{name!r} is not a usable name (letters, digits, _ . -)").format(name=name)
        )
    url = _get(path, key, raw, "url", str, "")
    if not re.match(r"^https?://[^/\s]+", url):
        raise ConfigError(path, f"{key}.url", _("expected an http(s) URL, got {url!r}").format(url=url))
    pages = _get(path, key, raw, "pages", int, DEFAULT_PAGES)
    if not 1 <= pages <= 1000:
        problem = _("expected {low} to {high}, got {value}").format(low=1, high=1000, value=pages)
        raise ConfigError(path, f"{key}.pages", problem)
    timezone = _get(path, key, raw, "timezone", str, DEFAULT_TIMEZONE)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(path, f"{key}.timezone", _("unknown time zone {zone!r}").format(zone=timezone)) from exc
    profile = raw.get("profile", {})
    if not isinstance(profile, dict):
        raise ConfigError(path, f"{key}.profile", _("expected a table of CSS selectors"))
    return BoardConfig(
        name=name,
        url=url,
        engine=_get(path, key, raw, "engine", str, AUTO_ENGINE),
        pages=pages,
        timezone=timezone,
        title=_get(path, key, raw, "title", str, ""),
        options={"profile": profile} if profile else {},
        watch=_words(path, f"{key}.watch", raw.get("watch", [])),
    )


def _words(path: Path, key: str, value: Any) -> tuple[str, ...]:
    """A list of non-empty strings (watch words, a command's argv)."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise ConfigError(path, key, _("expected a list of words, got {value!r}").format(value=value))
    return tuple(w.strip() for w in value)


def _setting_problem(value: Any, rule: Mapping[str, Any]) -> str | None:
    """What is wrong with a setting's ``value`` under the ``rule`` :func:`_setting` gave it, or None."""
    low, above, high, choices = rule.get("low"), rule.get("above"), rule.get("high"), rule.get("choices")
    if choices and value not in choices:
        listed = ", ".join(repr(c) for c in choices[:-1])
        return _("expected {choices} or {last!r}, got {value!r}").format(choices=listed, last=choices[-1], value=value)
    if high is not None and not low <= value <= high:
        return _("expected {low} to {high}, got {value}").format(low=low, high=high, value=value)
    if low is not None and value < low:
        return _("expected a number ≥ {low}, got {value}").format(low=low, value=value)
    if above is not None and value <= above:
        return _("expected a number > {above}, got {value}").format(above=above, value=value)
    return None


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``30m``, ``2h``, ``1h30m``, ``90s`` or bare seconds; ValueError for anything else."""
    cleaned = text.strip().lower()
    if not re.fullmatch(r"(?:\d+[smhd])+|\d+", cleaned):
        raise ValueError(_("expected a duration such as 30m, 2h or 1h30m, got {text!r}").format(text=text))
    if cleaned.isdigit():
        return float(cleaned)
    return float(sum(int(n) * _UNITS[u] for n, u in re.findall(r"(\d+)([smhd])", cleaned)))


def _refresh_every(path: Path, raw: dict[str, Any]) -> float:
    """``[settings] refresh_every``: a duration string or whole seconds; 0 means off."""
    value = raw.get("refresh_every", 0)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return float(value)
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ValueError as exc:
            raise ConfigError(path, "settings.refresh_every", str(exc)) from None
    raise ConfigError(
        path,
        "settings.refresh_every",
        _('expected a duration such as "30m" (0: off), got {value!r}').format(value=value),
    )


_SETTING_LISTS = ("watch", "notify_command", "open_command", "refresh_every")
"""Settings that are not one TOML scalar of their default's type: each is parsed by its own function."""


def _parse_settings(path: Path, raw: Any) -> Settings:
    if not isinstance(raw, dict):
        raise ConfigError(path, "settings", _("expected a table"))
    scalars = [f for f in fields(Settings) if f.name not in _SETTING_LISTS]
    for name in raw:
        if not any(f.name == name for f in scalars) and name not in _SETTING_LISTS:
            expected = ", ".join([*(f.name for f in scalars), *_SETTING_LISTS])
            raise ConfigError(path, f"settings.{name}", _("unknown key (expected one of {keys})").format(keys=expected))
    values: dict[str, Any] = {}
    for setting in scalars:
        value = _get(path, "settings", raw, setting.name, type(setting.default), setting.default)
        problem = _setting_problem(value, setting.metadata)
        if problem:
            raise ConfigError(path, f"settings.{setting.name}", problem)
        values[setting.name] = value
    return Settings(
        **values,
        watch=_words(path, "settings.watch", raw.get("watch", [])),
        notify_command=_words(path, "settings.notify_command", raw.get("notify_command", [])),
        refresh_every=_refresh_every(path, raw),
        open_command=_words(path, "settings.open_command", raw.get("open_command", [])),
    )
