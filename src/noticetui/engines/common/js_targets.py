"""JavaScript navigation read as requests: ``fnView(1046)`` → ``GET view.do?seq=1046`` or a POST form.

Boards that open posts with ``<a href="#" onclick="fnView(1046); return false;">``, ``javascript:goPage(2)``
or an ``onclick`` on the whole ``<tr>`` leave no URL in the markup.  The page's own inline scripts say what
the call does: the function body either builds a URL (``location.href = 'view.do?seq=' + seq``) or fills a
form's fields and submits it (``document.frm.nttId.value = id; document.frm.submit();``).  :class:`Scripts`
learns that from a page once and turns any call into a :class:`~noticetui.models.Request`.  Nothing runs:
the bodies are read with regular expressions, and a call whose function cannot be read gives None.  The
calls themselves are read by :mod:`~noticetui.engines.common.js_calls`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, absolute, attr
from noticetui.engines.common.js_calls import handler, js_calls
from noticetui.models import Request

_FUNCTION = re.compile(
    r"function\s+(?P<name>[\w$]+)\s*\((?P<params>[^)]*)\)\s*\{|(?:var|let|const)?\s*(?P<aname>[\w$]+)\s*=\s*function"
    r"\s*\((?P<aparams>[^)]*)\)\s*\{|(?:var|let|const)\s+(?P<xname>[\w$]+)\s*=\s*\(?(?P<xparams>[\w$,\s]*)\)?\s*=>\s*\{"
)
_LOCAL = re.compile(r"(?:var|let|const)\s+(?P<name>[\w$]+)\s*=\s*(?P<expr>[^;\n]+)")
_LOCATION = re.compile(
    r"(?:(?:window|document|self|top)\.)?location(?:\.href)?\s*=\s*(?P<expr>[^;\n]+)"
    r"|location\.(?:replace|assign)\s*\((?P<call>[^;\n]+)\)|window\.open\s*\((?P<open>[^,;\n)]+)"
)
_CONCAT = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([\w$.]+)""")
_FORM_REF = (
    r"(?:document\.getElementById\(\s*['\"](?P<f4>[\w-]+)['\"]\s*\)|\$\(\s*['\"]#(?P<f5>[\w-]+)['\"]\s*\)"
    r"|document\.(?:forms\[['\"](?P<f1>[\w-]+)['\"]\]|(?P<f2>[\w-]+))|(?P<f3>[\w$]+))"
)
_SET_FIELD = re.compile(
    r"(?:document\.(?:forms\[['\"][\w-]+['\"]\]|[\w-]+)|[\w$]+)\s*(?:\.\s*(?P<n1>[\w-]+)|\.elements\[['\"](?P<n2>[\w-]+)"
    r"['\"]\]|\[['\"](?P<n3>[\w-]+)['\"]\])\s*\.value\s*=\s*(?P<expr>[^;\n]+)"
    r"|document\.getElementById\(\s*['\"](?P<n4>[\w-]+)['\"]\s*\)\.value\s*=\s*(?P<expr2>[^;\n]+)"
    r"|\$\(\s*['\"][#]?(?:input\[name=)?['\"]?(?P<n5>[\w-]+)['\"]?\]?['\"]\s*\)\.val\(\s*(?P<expr3>[^;\n)]+)\)"
)
_ACTION = re.compile(r"\.action\s*=\s*(?P<expr>[^;\n]+)|\.attr\(\s*['\"]action['\"]\s*,\s*(?P<expr2>[^;\n)]+)\)")
_SUBMIT = re.compile(_FORM_REF + r"\s*\.\s*submit\s*\(")
_CHAINED_SUBMIT = re.compile(r"\.\s*submit\s*\(\s*\)")
_NAMED_FORM = re.compile(
    r"document\.getElementById\(\s*['\"](?P<f4>[\w-]+)['\"]\s*\)|\$\(\s*['\"](?:#|form\[name=['\"]?)(?P<f5>[\w-]+)"
    r"|document\.forms\[['\"](?P<f1>[\w-]+)['\"]\]|document\.(?P<f2>(?!getElementById|location|forms)[\w-]+)"
)
_FORM_VAR = re.compile(r"(?:var|let|const)\s+(?P<var>[\w$]+)\s*=\s*" + _FORM_REF + r"\s*;")
_METHOD = re.compile(r"\.method\s*=\s*['\"](?P<m>\w+)['\"]")


_NOT_NAVIGATION = frozenset({"void", "alert", "confirm", "preventDefault", "stopPropagation", "blur", "focus"})


def node_call(node: LexborNode) -> tuple[str, list[str]] | None:
    """The navigation call of an element (its ``onclick``, else its ``javascript:`` href) and its arguments;
    None for ``javascript:void(0)``, ``javascript:;`` and the like."""
    return next(((name, args) for name, args in js_calls(handler(node)) if name not in _NOT_NAVIGATION), None)


@dataclass(frozen=True)
class Target:
    """What one page function does with its arguments."""

    params: tuple[str, ...]
    url_parts: tuple[str | int, ...] = ()
    """A URL built by concatenation: literal strings and argument positions."""
    form: str | None = None
    """The name or id of the form the function submits."""
    fields: tuple[tuple[str, str | int], ...] = ()
    """Form fields the function sets: a literal value or an argument position."""
    action: tuple[str | int, ...] = ()
    """The form action the function sets, when it sets one."""
    method: str | None = None


def _concat(
    expr: str, params: tuple[str, ...], local: dict[str, tuple[str | int, ...]] | None = None
) -> tuple[str | int, ...] | None:
    """``'view.do?seq=' + seq + '&x=1'`` as literal strings and argument positions; None for other code.

    ``local`` holds the function's own variables already read (``var url = '/view.do?seq=' + seq;``).
    """
    parts: list[str | int] = []
    for piece in expr.split("+"):
        piece = piece.strip().rstrip(")").strip()
        match = _CONCAT.fullmatch(piece)
        if not match:
            return None
        literal = match.group(1) if match.group(1) is not None else match.group(2)
        name = match.group(3)
        if literal is not None:
            parts.append(literal)
        elif name in params:
            parts.append(params.index(name))
        elif local is not None and name in local:
            parts.extend(local[name])
        else:
            return None  # a variable we cannot know
    return tuple(parts)


def _locals(body: str, params: tuple[str, ...]) -> dict[str, tuple[str | int, ...]]:
    """The function's variables built from strings and its parameters, in order of assignment."""
    found: dict[str, tuple[str | int, ...]] = {}
    for match in _LOCAL.finditer(body):
        parts = _concat(match.group("expr"), params, found)
        if parts is not None:
            found[match.group("name")] = parts
    return found


_BRACE_OR_QUOTE = re.compile(r"[{}'\"]")
MAX_SCRIPT = 200_000
"""Inline scripts longer than this are libraries (bundled jQuery…), not a board's navigation: skipped."""


def _body(text: str, start: int) -> str:
    """The function body that opens at ``text[start - 1] == '{'`` (braces balanced, strings ignored)."""
    depth = 1
    index = start
    while depth:
        found = _BRACE_OR_QUOTE.search(text, index)
        if found is None:
            return text[start:]
        char, index = found.group(0), found.end()
        if char in "'\"":
            end = text.find(char, index)
            index = end + 1 if end != -1 else len(text)
        else:
            depth += 1 if char == "{" else -1
    return text[start : index - 1]


def _form_name(match: re.Match[str], aliases: dict[str, str]) -> str | None:
    groups = match.groupdict()
    name = next((groups[g] for g in ("f1", "f2", "f3", "f4", "f5") if groups.get(g)), None)
    return aliases.get(name or "", name)


def _group(match: re.Match[str], *names: str) -> str:
    """The first of the alternative groups ``names`` that matched, or ``""``."""
    return next((found for found in (match.group(name) for name in names) if found), "")


def _location_target(params: tuple[str, ...], body: str, local: dict[str, tuple[str | int, ...]]) -> Target | None:
    """The function as a URL it sends the browser to (``location.href = 'view.do?seq=' + seq``), if it does."""
    for match in _LOCATION.finditer(body):
        parts = _concat(_group(match, "expr", "call", "open"), params, local)
        if parts and any(isinstance(p, str) for p in parts):
            return Target(params, url_parts=parts)
    return None


def _submitted_form(body: str) -> tuple[bool, str | None]:
    """Whether the function submits a form, and that form's name or id when the code names it."""
    submit = _SUBMIT.search(body)
    if submit is not None:
        aliases = {m.group("var"): _form_name(m, {}) or "" for m in _FORM_VAR.finditer(body)}
        return True, _form_name(submit, aliases)
    # $("#frm").attr("action", "…").submit(): the form named in the statement that submits
    statement = next((part for part in body.split(";") if _CHAINED_SUBMIT.search(part)), "")
    named = _NAMED_FORM.search(statement)
    return (False, None) if named is None else (True, _form_name(named, {}))


def _set_fields(
    body: str, params: tuple[str, ...], local: dict[str, tuple[str | int, ...]]
) -> tuple[tuple[str, str | int], ...]:
    """The form fields the function sets to one literal or one argument, in order."""
    fields: list[tuple[str, str | int]] = []
    for match in _SET_FIELD.finditer(body):
        name = _group(match, "n1", "n2", "n3", "n4", "n5")
        parts = _concat(_group(match, "expr", "expr2", "expr3").strip(), params, local)
        if name and parts is not None and len(parts) == 1:
            fields.append((name, parts[0]))
    return tuple(fields)


def _read_function(params: tuple[str, ...], body: str) -> Target | None:
    """What a function does with its arguments: go to a URL or submit a form; None for anything else."""
    local = _locals(body, params)
    goes_to = _location_target(params, body, local)
    if goes_to is not None:
        return goes_to
    submits, form = _submitted_form(body)
    if not submits:
        return None
    action = next((_concat(_group(m, "expr", "expr2"), params, local) for m in _ACTION.finditer(body)), None)
    method = _METHOD.search(body)
    return Target(
        params,
        form=form,
        fields=_set_fields(body, params, local),
        action=action or (),
        method=method.group("m").upper() if method else None,
    )


def _functions(text: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """``(name, parameters, body)`` of every function one script defines (declared, assigned or arrow)."""
    for match in _FUNCTION.finditer(text):
        name = _group(match, "name", "aname", "xname")
        raw = _group(match, "params", "aparams", "xparams")
        params = tuple(p.strip() for p in raw.split(",") if p.strip())
        yield name, params, _body(text, match.end())


def _fill(parts: tuple[str | int, ...], args: list[str]) -> str | None:
    """Literal parts and argument positions joined with the call's arguments; None when one is missing."""
    out = []
    for part in parts:
        if isinstance(part, int):
            if part >= len(args):
                return None
            out.append(args[part])
        else:
            out.append(part)
    return "".join(out)


_UNSENT = ("submit", "button", "image", "reset", "checkbox", "radio")
"""Input types whose value a plain submit does not send (buttons; unchecked boxes as far as we know)."""


def _form_values(form: LexborNode | None) -> dict[str, str]:
    """The fields a form sends as the page has them, before the function sets its own."""
    if form is None:
        return {}
    return {
        attr(node, "name"): _field_value(node)
        for node in form.css("input[name], select[name], textarea[name]")
        if attr(node, "type").lower() not in _UNSENT
    }


def _sent(url: str, method: str, pairs: tuple[tuple[str, str], ...], referer: str | None) -> Request:
    """A form's fields sent to ``url``: as a POST body, or as the query of a GET."""
    if method == "POST":
        return Request(url=url, method="POST", form=pairs, referer=referer)
    parts = urlsplit(url)
    return Request(url=urlunsplit(parts._replace(query=urlencode(pairs))), referer=referer)


@dataclass
class Scripts:
    """The page functions a list page's links call, learnt from its inline scripts and forms."""

    base: str
    targets: dict[str, Target] = field(default_factory=dict)
    forms: dict[str, LexborNode] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, base: str) -> Scripts:
        """Every readable function of ``doc``'s inline scripts, and its forms by name and id.

        Detection, rows and pagination each ask for the same page's scripts: the last page's are kept.
        """
        last = _LAST[0]
        if last is not None and last[0] is doc and last[1] == base:
            return last[2]
        found = cls(base)
        for script in doc.css("script"):
            text = script.text() or ""
            if len(text) > MAX_SCRIPT:
                continue
            for name, params, body in _functions(text):
                target = _read_function(params, body)
                if target is not None:
                    found.targets.setdefault(name, target)
        for form in doc.css("form"):
            for key in (attr(form, "name"), attr(form, "id")):
                if key:
                    found.forms.setdefault(key, form)
        _LAST[0] = (doc, base, found)
        return found

    def request(self, name: str, args: list[str], referer: str | None = None) -> Request | None:
        """The request the call ``name(*args)`` makes, or None when the function is unknown."""
        target = self.targets.get(name)
        if target is None:
            return None
        if target.url_parts:
            url = _fill(target.url_parts, args)
            return Request(url=absolute(self.base, url), referer=referer) if url else None
        form = self.forms.get(target.form or "")
        values = _form_values(form)
        for name_, value in target.fields:
            filled = _fill((value,), args)
            if filled is None:
                return None
            values[name_] = filled
        action = _fill(target.action, args) if target.action else attr(form, "action") if form is not None else ""
        if form is None and not action:
            return None
        method = target.method or (attr(form, "method").upper() if form is not None else "") or "GET"
        return _sent(absolute(self.base, action or ""), method, tuple(values.items()), referer)


def _field_value(node: LexborNode) -> str:
    """A form field's value as the browser would send it (a select's chosen option)."""
    if node.tag != "select":
        return attr(node, "value") if node.tag != "textarea" else node.text()
    option = node.css_first("option[selected]") or node.css_first("option")
    return (attr(option, "value") or (option.text() if option is not None else "")).strip()


_LAST: list[tuple[Doc, str, Scripts] | None] = [None]
"""The last page read by :meth:`Scripts.of` (the page itself, its URL, its scripts)."""


def display_url(request: Request) -> str:
    """A URL that stands for ``request``: a POST's fields go into the query (unique per post, and the
    closest a browser link can come)."""
    if request.method != "POST" or not request.form:
        return request.url
    parts = urlsplit(request.url)
    query = "&".join(p for p in (parts.query, urlencode(request.form)) if p)
    return urlunsplit(parts._replace(query=query))
