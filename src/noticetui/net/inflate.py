"""Content-Encoding undone in bounded steps, so a decompression bomb cannot take the memory with it.

httpx inflates each received chunk whole: 1 MB of gzip can become 1 GiB in one call before any size
limit is looked at.  Here every zlib call is given a ``max_length``, so no piece handed on is larger than
:data:`PIECE`, and stacked encodings (``gzip, gzip``) are undone stage by stage the same way.  The caller
counts the pieces against its own limit and stops reading as soon as it is passed.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

__all__ = ["PIECE", "BodyDecoder", "DecodeFailed", "parse_encodings", "supported"]

PIECE = 64 * 1024
"""The largest piece of decoded bytes produced at once."""

_GZIP = 16 + zlib.MAX_WBITS
_KNOWN = frozenset({"gzip", "x-gzip", "deflate", "identity", ""})


class DecodeFailed(Exception):
    """The body does not decode as its ``Content-Encoding`` says."""


def supported(encodings: list[str]) -> bool:
    """Whether every coding in ``encodings`` is one this module undoes."""
    return all(e in _KNOWN for e in encodings)


def parse_encodings(header: str | None) -> list[str]:
    """A ``Content-Encoding`` value as its codings, in the order they were applied."""
    return [e.strip().lower() for e in (header or "").split(",") if e.strip()]


class _Stage:
    """One zlib coding, inflated at most :data:`PIECE` bytes per call."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._raw_fallback = coding == "deflate"
        self._started = False
        self._obj = zlib.decompressobj(_GZIP if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        pending = data
        while True:
            try:
                out = self._obj.decompress(pending, PIECE)
            except zlib.error as exc:
                # Some servers send raw deflate without the zlib header the standard asks for.
                if self._raw_fallback and not self._started:
                    self._raw_fallback = False
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise DecodeFailed(f"bad {self._coding} data ({exc})") from exc
            self._started = True
            if out:
                yield out
            if self._obj.eof:
                # A gzip stream may hold several members; anything after a deflate stream is ignored.
                rest = self._obj.unused_data
                if not rest or self._coding == "deflate":
                    return
                self._obj = zlib.decompressobj(_GZIP)
                pending = rest
                continue
            pending = self._obj.unconsumed_tail
            # A full piece may leave output waiting inside zlib even with all input taken: go round again.
            if not pending and len(out) < PIECE:
                return

    def flush(self) -> Iterator[bytes]:
        while True:
            out = self._obj.decompress(b"", PIECE)
            if not out:
                return
            yield out


class BodyDecoder:
    """Undoes a response's ``Content-Encoding`` chunk by chunk, never producing more than PIECE at once."""

    def __init__(self, encodings: list[str]) -> None:
        if not supported(encodings):
            raise DecodeFailed(f"unsupported content encoding {', '.join(encodings)!r}")
        # The last coding applied is the first to undo.
        self._stages = [_Stage(e) for e in reversed(encodings) if e not in ("identity", "")]

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces for ``data`` (raw bytes off the wire)."""
        return self._through(0, data)

    def flush(self) -> Iterator[bytes]:
        """What is left once the raw body has ended."""
        for i, stage in enumerate(self._stages):
            for piece in stage.flush():
                yield from self._through(i + 1, piece)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._stages):
            if data:
                yield data
            return
        for piece in self._stages[index].feed(data):
            yield from self._through(index + 1, piece)
